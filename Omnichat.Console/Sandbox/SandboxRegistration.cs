using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;
using Omnichat.Core.Facebook;
using Omnichat.Console.Sandbox.Control;
using Omnichat.Console.Sandbox.Dialog;
using Omnichat.Console.Sandbox.Graph;
using Omnichat.Console.Sandbox.Messenger;
using Omnichat.Console.Sandbox.Panel;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox;

public static class SandboxRegistration
{
    /// <summary>
    /// Wires the built-in Facebook when <see cref="DeploymentMode.SandboxEnabled"/>; otherwise only the check that
    /// nothing in the Facebook section still points at it.
    /// </summary>
    public static IHostApplicationBuilder AddFacebookSandbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<FacebookOptions>, SandboxFacebookOptionsValidator>();
        if (!DeploymentMode.From(builder.Configuration, builder.Environment).SandboxEnabled)
        {
            return builder;
        }

        services.AddValidatedOptions<SandboxOptions>(SandboxOptions.SectionName);
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();

        services.AddSingleton<SandboxUrls>();
        services.AddSingleton<IPostConfigureOptions<FacebookOptions>, SandboxFacebookOptionsSetup>();
        services.AddSingleton<SandboxWorld>();
        services.AddSingleton<TokenInspector>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<OAuthAccessTokenHandler>();
        services.AddSingleton<DebugTokenHandler>();
        services.AddSingleton<NodeHandler>();
        services.AddSingleton<AccountsHandler>();
        services.AddSingleton<SubscribedAppsHandler>();
        services.AddSingleton<MessagesHandler>();
        services.AddSingleton<GraphRouter>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        services.AddSingleton<MessengerActions>();
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<BatchHandler>();
        services.AddSingleton<ConsentService>();
        services.AddSingleton<DialogSessionStore>();
        services.AddSingleton<DeauthorizeNotifier>();
        services.AddSingleton<SandboxControl>();
        services.AddScoped<PanelCommands>();
        services.AddHttpClient(DeauthorizeNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        return builder;
    }

    /// <summary>
    /// Maps the Graph API, the control API and the page pictures; the dialog and panel are Razor pages. With the
    /// sandbox off it removes those pages' endpoints instead, so every /sandbox address is a 404: call it after
    /// <c>MapRazorComponents</c>.
    /// </summary>
    public static WebApplication MapFacebookSandbox(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<DeploymentMode>().SandboxEnabled)
        {
            SandboxPageEndpoints.RemoveFrom(app);
            // Without it a POST to a sandbox address would meet the static-file fallback and get 405, hinting at a route.
            app.Map(SandboxUrls.PathPrefix + "/{**rest}", () => TypedResults.NotFound()).ExcludeFromDescription();
            return app;
        }
        app.MapSandboxGraph();
        app.MapSandboxControl();
        app.MapSandboxPictures();
        // Load (or create) the world at start, so a bad state file shows up in the start-up log.
        _ = app.Services.GetRequiredService<SandboxWorld>();
        return app;
    }

    /// <summary>The sandbox's Razor pages live in its namespace; the router refuses them while it is off.</summary>
    public static bool IsSandboxPage(Type pageType) =>
        pageType.Namespace?.StartsWith(typeof(SandboxRegistration).Namespace!, StringComparison.Ordinal) == true;
}
