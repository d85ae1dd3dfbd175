using System.Net;
using System.Text.Json;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

public sealed class DebugTokenTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DebugToken_UserTokenForTwoPages_ListsStringTargetIds()
    {
        string[] pages = [DemoWorld.ShopPageId(2), DemoWorld.ShopPageId(3)];
        var token = await sandbox.UserTokenAsync(DemoWorld.DanaId, pages: pages, businesses: Array.Empty<string>());

        var data = await sandbox.DebugAsync(token);

        data.GetProperty("is_valid").GetBoolean().ShouldBeTrue();
        data.GetProperty("type").GetString().ShouldBe("USER");
        data.GetProperty("app_id").GetString().ShouldBe(sandbox.App.AppId);
        data.GetProperty("application").GetString().ShouldBe("Omnichat");
        data.GetProperty("user_id").GetString().ShouldBe(DemoWorld.DanaId);
        data.GetProperty("expires_at").GetInt64().ShouldBeGreaterThan(0);
        var showList = data.GetProperty("granular_scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "pages_show_list");
        showList.GetProperty("target_ids").EnumerateArray().Select(t => t.GetString()).ShouldBe(pages);
        showList.GetProperty("target_ids")[0].ValueKind.ShouldBe(JsonValueKind.String);
        data.TryGetProperty("error", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task DebugToken_AllPagesChosen_OmitsTargetIds()
    {
        var token = await sandbox.UserTokenAsync(DemoWorld.DanaId, pages: "all", businesses: "all");

        var data = await sandbox.DebugAsync(token);

        foreach (var scope in data.GetProperty("granular_scopes").EnumerateArray())
        {
            scope.TryGetProperty("target_ids", out _).ShouldBeFalse(scope.ToString());
        }
        data.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldContain("pages_messaging");
    }

    [Fact]
    public async Task DebugToken_Garbage_Http200WithError190NoSubcode()
    {
        var data = await sandbox.DebugAsync("not-a-token");

        data.GetProperty("is_valid").GetBoolean().ShouldBeFalse();
        data.GetProperty("scopes").GetArrayLength().ShouldBe(0);
        var error = data.GetProperty("error");
        error.GetProperty("code").GetInt32().ShouldBe(190);
        error.GetProperty("message").GetString().ShouldBe("Invalid OAuth access token - Cannot parse access token");
        error.TryGetProperty("subcode", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task DebugToken_PageTokenFromLongLivedToken_NeverExpiresAndNamesThePage()
    {
        var userToken = await sandbox.LongLivedTokenAsync(DemoWorld.DanaId);
        var pageToken = await sandbox.PageTokenAsync(userToken, DemoWorld.ShopPageId(5));

        var data = await sandbox.DebugAsync(pageToken);

        data.GetProperty("type").GetString().ShouldBe("PAGE");
        data.GetProperty("profile_id").GetString().ShouldBe(DemoWorld.ShopPageId(5));
        data.GetProperty("expires_at").GetInt64().ShouldBe(0);
        data.GetProperty("is_valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task DebugToken_CallerTokenInvalid_Http400Error100()
    {
        var userToken = await sandbox.UserTokenAsync(DemoWorld.DanaId);

        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph("debug_token", new() { ["input_token"] = userToken, ["access_token"] = "1184|wrong" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await SandboxDriver.ErrorAsync(response, 100, null);
    }

    [Fact]
    public async Task DebugToken_UserTokenInspectsItself_IsAccepted()
    {
        var userToken = await sandbox.UserTokenAsync(DemoWorld.DanaId);

        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph("debug_token", new() { ["input_token"] = userToken, ["access_token"] = userToken }));

        (await SandboxDriver.JsonAsync(response, HttpStatusCode.OK)).GetProperty("data").GetProperty("is_valid").GetBoolean().ShouldBeTrue();
    }
}
