using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Omnichat.Console.Components.Account;
using Omnichat.Console.Localization;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components;

/// <summary>
/// The one bUnit set-up: MudBlazor with no transitions, loose JS interop, the console's real localization in a
/// chosen culture, and a fake sign-in. Disposed asynchronously because MudBlazor's services are async-disposable only.
/// </summary>
public abstract class ComponentTestBase : IAsyncLifetime
{
    private readonly string databasePath;
    private bool interactive = true;

    static ComponentTestBase()
    {
        // bUnit waits one second by default; components here read a real SQLite file, and on a CI machine busy with
        // browsers and the other tests a first read alone can take longer. A wait that fails still fails, only later.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }

    protected ComponentTestBase()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Context.Services.AddOmnichatLocalization();
        Context.Services.AddScoped<CurrentCaller>();
        // Read at the first render, so a test may set Mode before it.
        Context.Services.AddSingleton(_ => Mode);
        databasePath = ChannelServices.AddForComponents(Context.Services);
        Authorization = Context.AddAuthorization();
        UseCulture(ConsoleCultures.Default);
    }

    /// <summary>What a newcomer's <c>dotnet run</c> is: Development with the sandbox.</summary>
    protected static readonly Omnichat.Core.Deployment.DeploymentMode DevelopmentMode = new(IsDevelopment: true, SandboxEnabled: true, SandboxSetExplicitly: false);

    protected BunitContext Context { get; } = new();

    /// <summary>The deployment the rendered components see; Development with the sandbox unless a test changes it.</summary>
    protected Omnichat.Core.Deployment.DeploymentMode Mode { get; set; } = DevelopmentMode;

    protected BunitAuthorizationContext Authorization { get; }

    protected BunitNavigationManager Navigation => Context.Services.GetRequiredService<BunitNavigationManager>();

    /// <summary>Renders in this culture from now on (the culture flows with the test's execution context).</summary>
    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Renders as during prerendering: no circuit yet.</summary>
    protected void UsePrerendering() => interactive = false;

    /// <summary>Signs in as <paramref name="caller"/> with the claims the real sign-in cookie carries.</summary>
    protected void SignInAs(Caller caller, string? teamName = null)
    {
        Authorization.SetAuthorized(caller.DisplayName);
        // Roles before claims: bUnit's SetRoles rebuilds the principal without the claims set earlier.
        Authorization.SetRoles(caller switch
        {
            { IsSupport: true } => Roles.Support,
            { IsTeamAdmin: true } => Roles.TeamAdmin,
            _ => Roles.Agent,
        });
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, caller.UserId),
            new(ConsoleClaimTypes.DisplayName, caller.DisplayName),
        };
        if (caller.TeamId is { } teamId)
        {
            claims.Add(new Claim(ConsoleClaimTypes.TeamId, teamId.ToString()));
        }
        if (teamName is not null)
        {
            claims.Add(new Claim(ConsoleClaimTypes.TeamName, teamName));
        }
        Authorization.SetClaims([.. claims]);
    }

    protected IRenderedComponent<TComponent> Render<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        // After every service registration: setting it builds the renderer, which freezes the service collection.
        Context.SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        return Context.Render(parameters);
    }

    public virtual Task InitializeAsync() => ChannelServices.MigrateAsync(Context.Services);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Context.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }
}
