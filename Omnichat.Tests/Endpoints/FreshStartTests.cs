using System.Net;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Endpoints;

/// <summary>What a newcomer sees on the first <c>dotnet run</c>: a quiet log and a console that looks finished.</summary>
public sealed partial class FreshStartTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task FirstStart_OnAnEmptyDatabase_LogsNoWarningOrError(string provider)
    {
        await using var server = await ConsoleServer.StartAsync(s =>
        {
            if (provider == "Postgres")
            {
                s.WithPostgres();
            }
        });
        using var client = server.CreateHttpClient();
        (await client.GetAsync("healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);

        server.Logs.Lines.Where(l => l.StartsWith("Warning ", StringComparison.Ordinal) || l.StartsWith("Error ", StringComparison.Ordinal)
            || l.StartsWith("Critical ", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Favicon_IsServed()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.CreateHttpClient();

        using var icon = await client.GetAsync("favicon.ico");

        icon.StatusCode.ShouldBe(HttpStatusCode.OK);
        (icon.Content.Headers.ContentType?.MediaType ?? "").StartsWith("image/", StringComparison.Ordinal).ShouldBeTrue("an image content type");
        (await icon.Content.ReadAsByteArrayAsync())[..4].ShouldBe(new byte[] { 0, 0, 1, 0 }, "an ICO file");
    }

    [Fact]
    public async Task SignInPage_LinksItsIcons_AndTheyAreServed()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.CreateHttpClient();

        var login = await client.GetStringAsync("Account/Login");

        var links = IconLink().Matches(login).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["href"].Value)).ToList();
        links.Count.ShouldBe(2, "an ICO and an SVG icon");
        foreach (var href in links)
        {
            using var icon = await client.GetAsync(href);
            icon.StatusCode.ShouldBe(HttpStatusCode.OK, href);
            (icon.Content.Headers.ContentType?.MediaType ?? "").StartsWith("image/", StringComparison.Ordinal).ShouldBeTrue($"{href} is an image");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("<link rel=\"icon\" href=\"(?<href>[^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex IconLink();
}
