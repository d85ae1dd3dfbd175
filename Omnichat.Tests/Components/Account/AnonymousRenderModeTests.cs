using System.Globalization;
using System.Net;
using Omnichat.Console.Resources;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Components.Account;

/// <summary>
/// Someone not signed in gets plain HTML: no page of theirs carries the marker blazor.web.js starts a circuit for.
/// A signed-in user's not-found page stays interactive, so the navigation works.
/// </summary>
public sealed class AnonymousRenderModeTests(ConsoleServer server) : IClassFixture<ConsoleServer>
{
    // Blazor writes <!--Blazor:{"type":"server",...}--> where an interactive server component starts.
    private const string ServerComponentMarker = "\"type\":\"server\"";

    private static async Task<(HttpStatusCode Status, string Html)> GetPageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", "text/html");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/Account/AccessDenied", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/not-found", HttpStatusCode.OK)]
    public async Task Get_Anonymous_RendersStatically(string path, HttpStatusCode status)
    {
        using var client = server.CreateHttpClient();

        var (actualStatus, html) = await GetPageAsync(client, path);

        actualStatus.ShouldBe(status);
        html.ShouldNotContain(ServerComponentMarker);
    }

    [Fact]
    public async Task Get_DeadLink_ShowsTheNotFoundPage()
    {
        using var client = server.CreateHttpClient();

        var (status, html) = await GetPageAsync(client, "/no-such-page");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain(SharedStrings.ResourceManager.GetString(nameof(SharedStrings.NotFoundTitle), CultureInfo.GetCultureInfo("zh-TW"))!);
    }

    [Fact]
    public async Task Get_DeadLinkAsAnApiCaller_IsABare404()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("/no-such-endpoint");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_SignedInNotFound_StaysInteractive()
    {
        using var client = await server.SignInAsync("agent@demo.local");

        var (status, html) = await GetPageAsync(client, "/no-such-page");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain(ServerComponentMarker);
    }
}
