using System.Net;
using System.Text.Json;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

public sealed class StateTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task State_DemoWorld_HasDesignShape()
    {
        var state = await sandbox.StateAsync();

        state.GetProperty("app").GetProperty("id").GetString().ShouldBe(sandbox.App.AppId);
        state.GetProperty("app").GetProperty("webhookUrl").GetString().ShouldBe(server.BaseAddress + "webhooks/facebook");
        var users = state.GetProperty("users").EnumerateArray().ToList();
        users.Select(u => u.GetProperty("name").GetString()).ShouldBe(["Dana Chen", "Sam Lin", "Kevin Wu"]);
        users.ShouldAllBe(u => u.GetProperty("tokenState").GetString() == "valid");
        var pages = state.GetProperty("pages").EnumerateArray().ToList();
        pages.Count.ShouldBe(31 + 1 + 1 + 2);
        var shared = pages.Single(p => p.GetProperty("id").GetString() == DemoWorld.SharedPageId);
        shared.GetProperty("roles").GetProperty(DemoWorld.SamId).EnumerateArray().Select(t => t.GetString()).ShouldContain("MANAGE");
        shared.GetProperty("businessId").ValueKind.ShouldBe(JsonValueKind.Null);
        shared.GetProperty("receiverAppId").GetString().ShouldBe(sandbox.App.AppId);
        shared.GetProperty("subscribedApps").GetArrayLength().ShouldBe(0);
        pages.Single(p => p.GetProperty("id").GetString() == DemoWorld.TradingPageId).GetProperty("businessId").GetString().ShouldBe(DemoWorld.TradingBusinessId);
        state.GetProperty("webhookDeliveries").ValueKind.ShouldBe(JsonValueKind.Array);
        state.GetProperty("sentMessages").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task StateFile_AfterTokensIssued_HoldsNoTokenInClear()
    {
        var userToken = await sandbox.LongLivedTokenAsync(DemoWorld.DanaId);
        await sandbox.PageTokenAsync(userToken, DemoWorld.ShopPageId(2));

        var text = await File.ReadAllTextAsync(Path.Combine(server.DataFolder, "sandbox.json"));

        text.ShouldContain(DemoWorld.DanaId);
        TokenText.ContainsToken(text).ShouldBeFalse();
        text.ShouldNotContain(userToken[3..40]);
    }

    [Fact]
    public async Task Receiver_SetToOtherApp_ShowsInState()
    {
        (await sandbox.ControlAsync(HttpMethod.Put, $"pages/{DemoWorld.SharedPageId}/receiver", new { appId = DemoWorld.OtherAppId })).EnsureSuccessStatusCode();

        var pages = (await sandbox.StateAsync()).GetProperty("pages").EnumerateArray();

        pages.Single(p => p.GetProperty("id").GetString() == DemoWorld.SharedPageId).GetProperty("receiverAppId").GetString().ShouldBe(DemoWorld.OtherAppId);
    }

    [Fact]
    public async Task Authorize_BadBody_Answers400WithMessage()
    {
        using var response = await sandbox.Client.PostAsync("/sandbox/api/oauth/authorize", new StringContent("{\"userId\":\"" + DemoWorld.DanaId + "\",\"clientId\":\"1\"}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SandboxDriver.JsonAsync(response, HttpStatusCode.BadRequest)).GetProperty("error").GetString().ShouldNotBeNullOrEmpty();
    }
}
