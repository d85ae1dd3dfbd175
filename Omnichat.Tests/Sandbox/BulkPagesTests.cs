using System.Net;
using System.Text.Json;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

/// <summary><c>POST /sandbox/api/pages/bulk</c>: many pages for load tests, listed and checkable like the demo pages.</summary>
public sealed class BulkPagesTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private const string OwnerId = "780179000000001";

    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> BulkAsync(object body) => sandbox.ControlAsync(HttpMethod.Post, "pages/bulk", body);

    [Fact]
    public async Task Bulk_NewUser_CreatesAdminPagesAlreadySubscribed()
    {
        using var response = await BulkAsync(new { count = 30, userId = OwnerId, userName = "Bulk Owner", subscribed = true });

        var body = await SandboxDriver.JsonAsync(response, HttpStatusCode.OK);
        var ids = body.GetProperty("pageIds").EnumerateArray().Select(p => p.GetString()!).ToList();
        ids.Count.ShouldBe(30);
        ids[0].ShouldBe(BulkPages.FirstId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var state = await sandbox.StateAsync();
        state.GetProperty("users").EnumerateArray().ShouldContain(u => u.GetProperty("id").GetString() == OwnerId);
        var page = state.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == ids[^1]);
        page.GetProperty("roles").GetProperty(OwnerId).EnumerateArray().Select(t => t.GetString()).ShouldContain("MANAGE");
        page.GetProperty("subscribedApps").EnumerateArray().Select(a => a.GetString()).ShouldBe([sandbox.App.AppId]);
    }

    [Fact]
    public async Task Bulk_WithACoAdmin_BothAdministerEveryPage_AndEachGetsATokenOfTheirOwn()
    {
        const string coAdmin = "780179500000001";
        (await BulkAsync(new { count = 3, userId = OwnerId, userName = "Bulk Owner", coAdminId = coAdmin, coAdminName = "Bulk Co-owner" }))
            .EnsureSuccessStatusCode();

        var tokens = new List<string>();
        foreach (var user in new[] { OwnerId, coAdmin })
        {
            var token = await sandbox.LongLivedTokenAsync(user, pages: "all");
            using var accounts = await sandbox.Client.GetAsync(SandboxDriver.Graph("me/accounts", new() { ["fields"] = "id,access_token", ["access_token"] = token }));
            var data = (await SandboxDriver.JsonAsync(accounts, HttpStatusCode.OK)).GetProperty("data");
            data.GetArrayLength().ShouldBe(3, user);
            tokens.Add(data[0].GetProperty("access_token").GetString()!);
        }
        tokens.Distinct().Count().ShouldBe(2, "a page token belongs to one page, person and app");
    }

    [Fact]
    public async Task Bulk_CoAdminUnknownAndUnnamed_IsRefusedAndAddsNothing()
    {
        using var response = await BulkAsync(new { count = 3, userId = OwnerId, userName = "Bulk Owner", coAdminId = "780179500000009" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sandbox.StateAsync()).GetProperty("pages").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("id").GetString() == BulkPages.FirstId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Bulk_Consented_ListedByAccountsAndSubscribedAppsAnswers()
    {
        (await BulkAsync(new { count = 30, userId = OwnerId, userName = "Bulk Owner" })).EnsureSuccessStatusCode();
        var token = await sandbox.LongLivedTokenAsync(OwnerId, pages: "all");

        using var accounts = await sandbox.Client.GetAsync(SandboxDriver.Graph("me/accounts", new() { ["fields"] = "id,access_token", ["limit"] = "100", ["access_token"] = token }));
        var data = (await SandboxDriver.JsonAsync(accounts, HttpStatusCode.OK)).GetProperty("data");
        data.GetArrayLength().ShouldBe(30);
        var first = data[0];
        using var apps = await sandbox.Client.GetAsync(SandboxDriver.Graph($"{first.GetProperty("id").GetString()}/subscribed_apps",
            new() { ["access_token"] = first.GetProperty("access_token").GetString() }));
        (await SandboxDriver.JsonAsync(apps, HttpStatusCode.OK)).GetProperty("data")[0].GetProperty("id").GetString().ShouldBe(sandbox.App.AppId);
    }

    [Fact]
    public async Task Bulk_Twice_ContinuesTheIds()
    {
        (await BulkAsync(new { count = 2, userId = DemoWorld.SamId })).EnsureSuccessStatusCode();
        using var second = await BulkAsync(new { count = 2, userId = DemoWorld.SamId, subscribed = false });

        var ids = (await SandboxDriver.JsonAsync(second, HttpStatusCode.OK)).GetProperty("pageIds").EnumerateArray().Select(p => p.GetString()).ToList();
        ids.ShouldBe([(BulkPages.FirstId + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), (BulkPages.FirstId + 3).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var page = (await sandbox.StateAsync()).GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == ids[1]);
        page.GetProperty("subscribedApps").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData(0, OwnerId, "Bulk Owner", HttpStatusCode.BadRequest)]
    [InlineData(100_001, OwnerId, "Bulk Owner", HttpStatusCode.BadRequest)]
    [InlineData(5, "", "Bulk Owner", HttpStatusCode.BadRequest)]
    [InlineData(5, OwnerId, null, HttpStatusCode.NotFound)]
    public async Task Bulk_BadRequest_RefusedAndAddsNothing(int count, string userId, string? userName, HttpStatusCode expected)
    {
        using var response = await BulkAsync(new { count, userId, userName });

        response.StatusCode.ShouldBe(expected);
        (await sandbox.StateAsync()).GetProperty("pages").EnumerateArray()
            .ShouldNotContain(p => p.GetProperty("id").GetString()!.StartsWith("1046", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubscribedAppsGet_DoesNotRewriteTheStateFile()
    {
        (await BulkAsync(new { count = 1, userId = OwnerId, userName = "Bulk Owner" })).EnsureSuccessStatusCode();
        var token = await sandbox.LongLivedTokenAsync(OwnerId, pages: "all");
        var pageId = BulkPages.FirstId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pageToken = await sandbox.PageTokenAsync(token, pageId);
        var file = Path.Combine(server.DataFolder, "sandbox.json");
        var written = File.GetLastWriteTimeUtc(file);
        File.SetLastWriteTimeUtc(file, written.AddMinutes(-5));

        using var apps = await sandbox.Client.GetAsync(SandboxDriver.Graph($"{pageId}/subscribed_apps", new() { ["access_token"] = pageToken }));
        using var again = await sandbox.Client.GetAsync(SandboxDriver.Graph(pageId, new() { ["fields"] = "access_token", ["access_token"] = token }));

        apps.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        File.GetLastWriteTimeUtc(file).ShouldBe(written.AddMinutes(-5));
        JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString().ShouldBe(pageToken);
    }
}
