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
    /// Wires the built-in Facebook when <see cref="DeploymentMode.SandboxEnabled"/>: the Facebook section defaults to it,
    /// and unless it runs as its own process (<see cref="DeploymentMode.HostsSandbox"/>) its world is served here.
    /// With the sandbox off, only the check that nothing in the Facebook section still points at it.
    /// </summary>
    public static IHostApplicationBuilder AddFacebookSandbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<FacebookOptions>, SandboxFacebookOptionsValidator>();
        var mode = DeploymentMode.From(builder.Configuration, builder.Environment);
        if (!mode.SandboxEnabled)
        {
            return builder;
        }
        services.AddSandboxAddresses();
        if (mode.HostsSandbox)
        {
            services.AddSandboxWorld();
        }
        return builder;
    }

    /// <summary>Its settings, where it and the console are, and the Facebook section's defaults pointing at it.</summary>
    internal static IServiceCollection AddSandboxAddresses(this IServiceCollection services)
    {
        services.AddValidatedOptions<SandboxOptions>(SandboxOptions.SectionName);
        services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        services.AddSingleton<SandboxUrls>();
        services.AddSingleton<IPostConfigureOptions<FacebookOptions>, SandboxFacebookOptionsSetup>();
        return services;
    }

    /// <summary>The sandbox's users, pages and tokens and everything that serves them: Graph, dialog, webhooks, control.</summary>
    internal static IServiceCollection AddSandboxWorld(this IServiceCollection services)
    {
        services.AddSingleton<SandboxWorld>();
        services.AddSingleton<TokenInspector>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<OAuthAccessTokenHandler>();
        services.AddSingleton<DebugTokenHandler>();
        services.AddSingleton<NodeHandler>();
        services.AddSingleton<AccountsHandler>();
        services.AddSingleton<SubscribedAppsHandler>();
        services.AddSingleton<MessagesHandler>();
        services.AddSingleton<ConversationsHandler>();
        services.AddSingleton<ConversationsMeter>();
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
        return services;
    }

    /// <summary>
    /// Maps the Graph API, the control API and the page pictures; the dialog and panel are Razor pages. With the
    /// sandbox off or in its own process it removes those pages' endpoints instead, so every /sandbox address is a 404
    /// (or, for a sandbox elsewhere, a redirect there): call it after <c>MapRazorComponents</c>.
    /// </summary>
    public static WebApplication MapFacebookSandbox(this WebApplication app)
    {
        var mode = app.Services.GetRequiredService<DeploymentMode>();
        if (mode.HostsSandbox)
        {
            return app.MapSandboxWorld();
        }
        SandboxPageEndpoints.RemoveFrom(app);
        // Someone following a link to the panel or the dialog finds the sandbox where it runs now, if it runs elsewhere.
        var elsewhere = mode.SandboxUrl is null ? null : app.Services.GetRequiredService<SandboxUrls>().SandboxBaseUrl;
        // Without it a POST to a sandbox address would meet the static-file fallback and get 405, hinting at a route.
        app.Map(SandboxUrls.PathPrefix + "/{**rest}", (HttpRequest request) =>
                elsewhere is not null && HttpMethods.IsGet(request.Method)
                    ? Results.Redirect(elsewhere + request.Path + request.QueryString)
                    : Results.NotFound())
            .ExcludeFromDescription();
        return app;
    }

    internal static WebApplication MapSandboxWorld(this WebApplication app)
    {
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
