using System.Net;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Components.Account;

/// <summary>Sign-in behaviour visible over plain HTTP: redirects and what the static sign-in page shows.</summary>
public sealed class SignInEndpointsTests : IClassFixture<ConsoleServer>
{
    private readonly ConsoleServer server;

    public SignInEndpointsTests(ConsoleServer server) => this.server = server;

    [Fact]
    public async Task Channels_Anonymous_RedirectsToLogin()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("/channels/facebook");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe("/Account/Login?ReturnUrl=%2Fchannels%2Ffacebook");
    }

    [Fact]
    public async Task Login_SandboxOn_ListsDemoAccounts()
    {
        using var client = server.CreateHttpClient();

        var html = await client.GetStringAsync("/Account/Login");

        html.ShouldContain("data-testid=\"demo-accounts\"");
        html.ShouldContain("admin@demo.local");
        html.ShouldContain("Omnichat-demo-1");
        html.ShouldContain("登入 Omnichat 後台");
    }

    [Fact]
    public async Task Login_EnglishCookie_RendersInEnglish()
    {
        using var client = server.CreateHttpClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var html = await client.GetStringAsync("/Account/Login");

        html.ShouldContain("Sign in to Omnichat Console");
        html.ShouldContain("Demo accounts");
    }

    [Fact]
    public async Task Login_SandboxOff_HasNoDemoAccountsPanel()
    {
        IAsyncLifetime sandboxOff = new ConsoleServer().WithoutSandbox();
        await sandboxOff.InitializeAsync();
        string html;
        try
        {
            using var client = ((ConsoleServer)sandboxOff).CreateHttpClient();
            html = await client.GetStringAsync("/Account/Login");
        }
        finally
        {
            await sandboxOff.DisposeAsync();
        }

        html.ShouldNotContain("demo-accounts");
        html.ShouldNotContain("Omnichat-demo-1");
        html.ShouldContain("login-email");
    }
}
