using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Omnichat.Core.Deployment;
using Omnichat.Core.Facebook;
using Omnichat.Console.Hosting;

namespace Omnichat.Console.Sandbox.Hosting;

/// <summary>
/// <c>sandbox [--urls ...] [--Sandbox:ConsoleUrl ...]</c> on the console's command line: the built-in Facebook on its own,
/// serving only /sandbox, for a console started with <c>Sandbox:Url</c> pointing here. It outlives a console that is
/// killed, so its webhook retries reach the console once it is back, as Meta's do.
/// </summary>
public static class SandboxCommand
{
    public const string Verb = "sandbox";

    /// <returns>The exit code, or null when the arguments are not the sandbox command.</returns>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args is not [Verb, ..])
        {
            return null;
        }
        var builder = WebApplication.CreateBuilder(args[1..]);
        AddStandaloneSandbox(builder);
        var app = builder.Build();
        try
        {
            app.Services.GetRequiredService<ConfigurationCheck>().EnsureValid();
        }
        catch (ConfigurationRefusedException refused)
        {
            app.Logger.LogCritical("{Refusal}", refused.Message);
            StartupLog.Flush(app.Services);
            return 1;
        }
        MapStandaloneSandbox(app);
        var urls = app.Services.GetRequiredService<SandboxUrls>();
        app.Logger.LogInformation("Sandbox on its own at {SandboxUrl}{Prefix}, playing Facebook for the console at {ConsoleUrl}",
            urls.SandboxBaseUrl, SandboxUrls.PathPrefix, urls.ConsoleBaseUrl);
        await app.RunAsync();
        return 0;
    }

    private static void AddStandaloneSandbox(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Whatever the environment: this process exists to be the sandbox, and holds nothing but the sandbox's world.
        services.AddSingleton(new DeploymentMode(builder.Environment.IsDevelopment(), SandboxEnabled: true, SandboxSetExplicitly: true));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConfigurationCheck>();
        services.AddOptions<FacebookOptions>().BindConfiguration(FacebookOptions.SectionName);
        // The consent dialog's redirect check reads the console's public address when one is given.
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName);
        services.AddSandboxAddresses();
        services.AddSingleton<IValidateOptions<SandboxOptions>, StandaloneSandboxOptionsValidator>();
        services.AddSandboxWorld();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
    }

    private static void MapStandaloneSandbox(WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapGet("/", () => Results.Redirect(SandboxUrls.PathPrefix)).ExcludeFromDescription();
        app.MapRazorComponents<SandboxApp>().AddInteractiveServerRenderMode();
        SandboxPageEndpoints.KeepOnlySandboxPages(app);
        app.MapSandboxWorld();
    }
}
