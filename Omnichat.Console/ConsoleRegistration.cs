using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Omnichat.Console.Components.Account;
using Omnichat.Console.Sandbox;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Console;

public static class ConsoleRegistration
{
    public static IHostApplicationBuilder AddOmnichatConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();
        services.AddIdentityCore<ConsoleUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OmnichatDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        builder.AddFacebookSandbox();
        return builder;
    }

    /// <summary>Start-up work that must finish before the first request: schema, roles.</summary>
    public static async Task PrepareOmnichatAsync(this WebApplication app)
    {
        await app.Services.MigrateOmnichatDatabaseAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseOmnichatPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }
}
