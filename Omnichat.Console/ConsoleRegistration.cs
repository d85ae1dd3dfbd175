using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Omnichat.Console.Components;
using Omnichat.Console.Components.Account;
using Omnichat.Console.Components.Shared;
using Omnichat.Console.Localization;
using Omnichat.Console.Sandbox;
using Omnichat.Console.Endpoints;
using Omnichat.Console.Hosting;
using Omnichat.Console.Telemetry;
using Omnichat.Core.Data;
using Omnichat.Core.Deployment;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;

namespace Omnichat.Console;

public static class ConsoleRegistration
{
    public static IHostApplicationBuilder AddOmnichatConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Toasts at the bottom, as Material places them: at the top they covered the page's heading and the error
        // banner on a phone, the two things a person reads first.
        services.AddMudServices(config => config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);
        services.AddOmnichatLocalization();
        services.AddConnectionReadAheadLimit();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AccountSignIn>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentCaller>();
        services.AddScoped<ActionFeedback>();
        services.AddScoped<DemoSeeder>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorizationBuilder().AddOmnichatPolicies();
        services.AddIdentityCore<ConsoleUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<ConsoleUserClaimsPrincipalFactory>()
            .AddEntityFrameworkStores<OmnichatDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, EveryRequestSecurityStampValidator>());

        builder.AddPublicUrlHosting();
        builder.AddFacebookSandbox();
        builder.AddOmnichatTelemetry();
        return builder;
    }

    /// <summary>
    /// Start-up work that must finish before the first request: the configuration check (which refuses an unsafe one
    /// with one message naming every key), schema, roles and demo accounts. False means the console must not start.
    /// </summary>
    public static async Task<bool> PrepareOmnichatAsync(this WebApplication app)
    {
        var cancellationToken = app.Lifetime.ApplicationStopping;
        try
        {
            app.Services.GetRequiredService<ConfigurationCheck>().EnsureValid();
        }
        catch (ConfigurationRefusedException refused)
        {
            app.Logger.LogCritical("{Refusal}", refused.Message);
            StartupLog.Flush(app.Services);
            return false;
        }
        StartupNotices.Log(app);
        await app.Services.MigrateOmnichatDatabaseAsync(cancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        await app.Services.GetRequiredService<WebhookVerifyToken>().EnsureAsync(cancellationToken);
        return true;
    }

    public static WebApplication UseOmnichatPipeline(this WebApplication app)
    {
        // First, so the headers below (HSTS) and the cookies see the scheme the visitor used at the proxy.
        app.UseTrustedForwardedHeaders();
        app.UseOmnichatSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        // People following a dead link get the console's "not found" page; API callers keep their bare status codes.
        // Not inside UseWhen: in a branch the re-execution never ran, and a dead link got an empty 404.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method)
                || !context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
            {
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            }
            return next(context);
        });
        // Before anything renders, so static pages, the circuit's first request and endpoints share the culture.
        app.UseRequestLocalization();
        // Called here, or WebApplication runs both before everything above: the redirect to sign-in would then
        // go out without the security headers and be built before the forwarded headers are applied.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOmnichatMetricsEndpoint();
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }

    /// <summary>Everything the console serves: its endpoints, its pages and (when on) the sandbox.</summary>
    public static WebApplication MapOmnichatEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapCultureEndpoints();
        app.MapAccountEndpoints();
        app.MapFacebookOAuthEndpoints();
        app.MapFacebookDeauthorizeEndpoints();
        app.MapIntegrationExportEndpoints();
        app.MapFacebookWebhookEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // After the Razor pages: with the sandbox off it removes the sandbox's pages from them.
        app.MapFacebookSandbox();
        return app;
    }
}
