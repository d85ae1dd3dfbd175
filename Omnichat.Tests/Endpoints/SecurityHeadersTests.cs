using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Omnichat.Console;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Endpoints;

/// <summary>Every kind of response carries the security headers: pages, static files, endpoints, errors and redirects.</summary>
public sealed class SecurityHeadersTests : IClassFixture<ConsoleServer>
{
    private readonly ConsoleServer server;

    public SecurityHeadersTests(ConsoleServer server) => this.server = server;

    public static TheoryData<string, string, HttpStatusCode> Responses => new()
    {
        { "/Account/Login", "text/html", HttpStatusCode.OK },
        { "/app.css", "text/css", HttpStatusCode.OK },
        { "/_framework/blazor.web.js", "*/*", HttpStatusCode.OK },
        { "/healthz", "application/json", HttpStatusCode.OK },
        { "/no-such-page", "text/html", HttpStatusCode.NotFound },
        { "/no-such-endpoint", "application/json", HttpStatusCode.NotFound },
        { "/channels/facebook", "text/html", HttpStatusCode.Redirect },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Get_AnyResponse_CarriesTheSecurityHeaders(string path, string accept, HttpStatusCode status)
    {
        using var client = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept", accept);

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(status);
        HeaderOf(response, "X-Content-Type-Options").ShouldBe("nosniff");
        HeaderOf(response, "Referrer-Policy").ShouldBe(SecurityHeaders.ReferrerPolicy);
        HeaderOf(response, "Content-Security-Policy").ShouldBe(SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task Get_SignedInInteractivePage_KeepsBlazorsFrameAncestorsPolicy()
    {
        using var client = await server.SignInAsync("admin@demo.local");

        using var response = await client.GetAsync("/channels/facebook");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        HeaderOf(response, "Content-Security-Policy").ShouldBe("frame-ancestors 'self'");
        HeaderOf(response, "X-Content-Type-Options").ShouldBe("nosniff");
    }

    // HSTS goes out only over HTTPS to a non-loopback host, which the loopback console cannot be: an in-memory host.
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public async Task Get_OverHttps_SendsHstsOutsideDevelopmentOnly(string environment, bool expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        app.UseOmnichatSecurityHeaders();
        app.MapGet("/", () => "ok");
        await app.StartAsync();
        var client = app.GetTestClient();
        client.BaseAddress = new Uri("https://console.example/");

        using var response = await client.GetAsync("/");

        response.Headers.Contains("Strict-Transport-Security").ShouldBe(expected);
        HeaderOf(response, "X-Content-Type-Options").ShouldBe("nosniff");
    }

    private static string? HeaderOf(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
