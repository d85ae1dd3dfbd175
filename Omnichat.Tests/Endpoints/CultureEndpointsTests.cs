using System.Net;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Endpoints;

public sealed class CultureEndpointsTests : IClassFixture<ConsoleServer>
{
    private readonly ConsoleServer server;

    public CultureEndpointsTests(ConsoleServer server) => this.server = server;

    [Fact]
    public async Task Culture_English_SetsYearLongCookieAndRedirectsBack()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("/culture?name=en&redirectUri=%2Fchannels%2Ffacebook");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/channels/facebook");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        cookie.ShouldContain("c%3Den%7Cuic%3Den");
        cookie.ShouldContain("max-age=31536000");
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    public async Task Culture_OffSiteRedirect_IsRejected(string redirectUri)
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync($"/culture?name=en&redirectUri={redirectUri}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task Culture_UnsupportedLanguage_IsRejected()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("/culture?name=fr&redirectUri=%2F");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
