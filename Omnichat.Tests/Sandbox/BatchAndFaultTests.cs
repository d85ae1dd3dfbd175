using System.Net;
using System.Text.Json;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

public sealed class BatchAndFaultTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => sandbox.ResetAsync();

    private async Task<JsonElement> BatchAsync(string topToken, object[] operations, bool includeHeaders = true)
    {
        using var response = await sandbox.Client.PostAsync("/sandbox/graph/v25.0/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["access_token"] = topToken,
            ["include_headers"] = includeHeaders ? "true" : "false",
            ["batch"] = JsonSerializer.Serialize(operations),
        }));
        return await SandboxDriver.JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Batch_DebugTokenAndSubscribedApps_AnswersEachWithStringBody()
    {
        var pageToken = await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId), DemoWorld.ShopPageId(2));

        var results = await BatchAsync(sandbox.AppToken,
        [
            new { method = "GET", relative_url = $"debug_token?input_token={pageToken}" },
            new { method = "GET", relative_url = $"{DemoWorld.ShopPageId(2)}/subscribed_apps?access_token={pageToken}" },
            new { method = "GET", relative_url = "me?access_token=garbage" },
        ]);

        results.GetArrayLength().ShouldBe(3);
        results[0].GetProperty("code").GetInt32().ShouldBe(200);
        results[0].GetProperty("body").ValueKind.ShouldBe(JsonValueKind.String);
        JsonDocument.Parse(results[0].GetProperty("body").GetString()!).RootElement.GetProperty("data").GetProperty("is_valid").GetBoolean().ShouldBeTrue();
        JsonDocument.Parse(results[1].GetProperty("body").GetString()!).RootElement.GetProperty("data").GetArrayLength().ShouldBe(0);
        results[2].GetProperty("code").GetInt32().ShouldBe(400);
        results[2].GetProperty("headers").EnumerateArray().ShouldContain(h => h.GetProperty("name").GetString() == "WWW-Authenticate");
    }

    [Fact]
    public async Task Batch_NullItemRateOne_ReturnsNulls()
    {
        (await sandbox.ControlAsync(HttpMethod.Put, "faults", new { nullBatchItemRate = 1.0 })).EnsureSuccessStatusCode();

        var results = await BatchAsync(sandbox.AppToken, [new { method = "GET", relative_url = "debug_token?input_token=x" }], includeHeaders: false);

        results[0].ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Batch_FiftyOneOperations_Fails100()
    {
        var operations = Enumerable.Range(0, 51).Select(_ => (object)new { method = "GET", relative_url = "me" }).ToArray();

        using var response = await sandbox.Client.PostAsync("/sandbox/graph/v25.0/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["access_token"] = sandbox.AppToken,
            ["batch"] = JsonSerializer.Serialize(operations),
        }));

        await SandboxDriver.ErrorAsync(response, 100, null);
    }

    [Fact]
    public async Task Faults_RateLimited_Answers4WithUsageHeaders()
    {
        (await sandbox.ControlAsync(HttpMethod.Put, "faults", new { rateLimited = true })).EnsureSuccessStatusCode();

        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph("me", new() { ["access_token"] = "x" }));

        var error = await SandboxDriver.ErrorAsync(response, 4, null);
        error.GetProperty("is_transient").GetBoolean().ShouldBeTrue();
        error.GetProperty("message").GetString().ShouldBe("(#4) Application request limit reached");
        response.Headers.GetValues("x-app-usage").Single().ShouldContain("\"call_count\":100");
        response.Headers.GetValues("x-business-use-case-usage").Single().ShouldContain("estimated_time_to_regain_access");
    }

    [Fact]
    public async Task Faults_TransientRateOne_Answers2WithHttp500()
    {
        (await sandbox.ControlAsync(HttpMethod.Put, "faults", new { transientErrorRate = 1.0 })).EnsureSuccessStatusCode();

        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph("me", new() { ["access_token"] = "x" }));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await SandboxDriver.ErrorAsync(response, 2, null)).GetProperty("is_transient").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Faults_OutOfRange_Answers400()
    {
        (await sandbox.ControlAsync(HttpMethod.Put, "faults", new { transientErrorRate = 2.0 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
