using System.Net;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Components.Account;

/// <summary>Sign-out ends the session on the server, not only in the browser that pressed the button.</summary>
public sealed class SignOutTests : IClassFixture<ConsoleServer>
{
    private readonly ConsoleServer server;

    public SignOutTests(ConsoleServer server) => this.server = server;

    private static CookieContainer CopyOf(CookieContainer cookies, Uri address)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(address))
        {
            copy.Add(address, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }
        return copy;
    }

    [Fact]
    public async Task CopiedCookie_AfterSignOut_GetsTheSignInPage()
    {
        var cookies = new CookieContainer();
        using var browser = await server.SignInAsync("agent@demo.local", cookies: cookies);
        using var thief = server.CreateHttpClient(cookies: CopyOf(cookies, server.BaseAddress));
        using (var before = await thief.GetAsync("/channels/facebook"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var signOut = await browser.SignOutAsync();
        using var after = await thief.GetAsync("/channels/facebook");

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Fact]
    public async Task SignIn_AfterSignOut_WorksAgain()
    {
        using var first = await server.SignInAsync("support@demo.local");
        using var signOut = await first.SignOutAsync("support/integrations");

        using var second = await server.SignInAsync("support@demo.local");
        using var response = await second.GetAsync("/support/integrations");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
