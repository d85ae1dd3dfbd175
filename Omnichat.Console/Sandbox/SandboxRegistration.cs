using Microsoft.Extensions.Options;
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
    /// <summary>Wires the built-in Facebook; with <c>Sandbox:Enabled</c> false only its options are bound (so pages can tell).</summary>
    public static IHostApplicationBuilder AddFacebookSandbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

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

    /// <summary>Maps the Graph API, the control API and the page pictures; the dialog and panel are Razor pages.</summary>
    public static WebApplication MapFacebookSandbox(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return app;
        }
        app.MapSandboxGraph();
        app.MapSandboxControl();
        app.MapSandboxPictures();
        // Load (or create) the world at start, so a bad state file shows up in the start-up log.
        _ = app.Services.GetRequiredService<SandboxWorld>();
        return app;
    }

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue($"{SandboxOptions.SectionName}:{nameof(SandboxOptions.Enabled)}", true);
}
