using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Deployment;

/// <summary>Links Facebook and e-mails send people to come from Console:PublicUrl, never from a request's Host header.</summary>
public sealed class PublicUrlTests : IAsyncLifetime
{
    private readonly ConsoleServer server = new ConsoleServer().With("Console:PublicUrl", "https://console.example.test");

    public Task InitializeAsync() => ((IAsyncLifetime)server).InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync().AsTask();

    [Fact]
    public async Task OAuthStart_ForgedHost_RedirectUriIsThePublicUrl()
    {
        using var client = await server.SignInAsync(DemoAccounts.Admin.Email);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/facebook/oauth/start?purpose=Connect");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dialog = response.Headers.Location!;
        QueryHelpers.ParseQuery(dialog.Query)["redirect_uri"].ToString().ShouldBe("https://console.example.test/facebook/oauth/callback");
        dialog.ToString().ShouldNotContain("evil.example");
    }
}
