using System.Net;
using System.Text.Json;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

public sealed class AccountsTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> AccountsAsync(string token, string? url = null)
    {
        using var response = await sandbox.Client.GetAsync(url ?? SandboxDriver.Graph("me/accounts", new()
        {
            ["fields"] = "id,name,access_token,tasks,category,picture",
            ["access_token"] = token,
        }));
        return await SandboxDriver.JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Accounts_AllPages_PagesAt25WithNextOnlyWhileMoreExist()
    {
        var token = await sandbox.UserTokenAsync(DemoWorld.DanaId, pages: "all", businesses: "all");

        var first = await AccountsAsync(token);
        var next = first.GetProperty("paging").GetProperty("next").GetString()!;
        var second = await AccountsAsync(token, next);

        first.GetProperty("data").GetArrayLength().ShouldBe(25);
        first.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString().ShouldNotBeNullOrEmpty();
        next.ShouldStartWith(server.BaseAddress.ToString().TrimEnd('/') + "/sandbox/graph/v25.0/");
        second.GetProperty("data").GetArrayLength().ShouldBe(31 + 1 + 1 - 25);
        second.GetProperty("paging").GetProperty("cursors").GetProperty("before").GetString().ShouldNotBeNullOrEmpty();
        second.GetProperty("paging").TryGetProperty("next", out _).ShouldBeFalse();
        var item = first.GetProperty("data")[0];
        item.GetProperty("access_token").GetString()!.ShouldStartWith("EAA");
        item.GetProperty("tasks").EnumerateArray().Select(t => t.GetString()).ShouldContain("MANAGE");
        item.GetProperty("picture").GetProperty("data").GetProperty("url").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Accounts_WithoutBusinessManagement_HidesBusinessPage()
    {
        var token = await sandbox.UserTokenAsync(DemoWorld.DanaId, pages: "all", businesses: "all", declined: ["business_management"]);

        var ids = await AllIdsAsync(token);

        ids.ShouldNotContain(DemoWorld.TradingPageId);
        ids.ShouldContain(DemoWorld.PartnerPageId);
    }

    [Fact]
    public async Task Accounts_BusinessSelected_ShowsBusinessPage()
    {
        var token = await sandbox.UserTokenAsync(DemoWorld.DanaId, pages: new[] { DemoWorld.ShopPageId(1) }, businesses: new[] { DemoWorld.TradingBusinessId });

        var ids = await AllIdsAsync(token);

        ids.ShouldBe([DemoWorld.ShopPageId(1), DemoWorld.TradingPageId], ignoreOrder: true);
    }

    [Fact]
    public async Task Permissions_DeclinedScope_ListedAsDeclined()
    {
        var token = await sandbox.UserTokenAsync(DemoWorld.DanaId, declined: ["pages_messaging"]);

        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph("me/permissions", new() { ["access_token"] = token }));

        var data = (await SandboxDriver.JsonAsync(response, HttpStatusCode.OK)).GetProperty("data").EnumerateArray()
            .ToDictionary(p => p.GetProperty("permission").GetString()!, p => p.GetProperty("status").GetString());
        data["pages_messaging"].ShouldBe("declined");
        data["pages_show_list"].ShouldBe("granted");
        data["public_profile"].ShouldBe("granted");
    }

    [Fact]
    public async Task Me_UserAndPageToken_ReturnUserAndPage()
    {
        var token = await sandbox.UserTokenAsync(DemoWorld.SamId);
        var pageToken = await sandbox.PageTokenAsync(token, DemoWorld.SamPage1Id);

        using var me = await sandbox.Client.GetAsync(SandboxDriver.Graph("me", new() { ["fields"] = "id,name", ["access_token"] = token }));
        using var page = new HttpRequestMessage(HttpMethod.Get, SandboxDriver.Graph("me"));
        page.Headers.Authorization = new("Bearer", pageToken);
        using var pageMe = await sandbox.Client.SendAsync(page);

        var user = await SandboxDriver.JsonAsync(me, HttpStatusCode.OK);
        user.GetProperty("id").GetString().ShouldBe(DemoWorld.SamId);
        user.GetProperty("name").GetString().ShouldBe("Sam Lin");
        (await SandboxDriver.JsonAsync(pageMe, HttpStatusCode.OK)).GetProperty("id").GetString().ShouldBe(DemoWorld.SamPage1Id);
    }

    private async Task<List<string>> AllIdsAsync(string token)
    {
        var ids = new List<string>();
        string? url = null;
        do
        {
            var page = await AccountsAsync(token, url);
            ids.AddRange(page.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            url = page.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out var next) ? next.GetString() : null;
        }
        while (url is not null);
        return ids;
    }
}
