using System.Net;
using System.Text.Json;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Endpoints;

public sealed class HealthEndpointsTests : IClassFixture<ConsoleServer>
{
    private readonly ConsoleServer server;

    public HealthEndpointsTests(ConsoleServer server) => this.server = server;

    [Fact]
    public async Task Healthz_FreshDatabase_ReportsDatabaseReachable()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("database").GetString().ShouldBe("reachable");
        File.Exists(server.DatabasePath).ShouldBeTrue();
    }
}
