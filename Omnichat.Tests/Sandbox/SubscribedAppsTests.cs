using System.Net;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

public sealed class SubscribedAppsTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);
    private static readonly string PageId = DemoWorld.ShopPageId(7);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> PageTokenAsync() =>
        await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId), PageId);

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string token, Dictionary<string, string>? form = null)
    {
        var request = new HttpRequestMessage(method, SandboxDriver.Graph($"{PageId}/subscribed_apps", new() { ["access_token"] = token }));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        return sandbox.Client.SendAsync(request);
    }

    [Fact]
    public async Task Get_NotInstalled_ReturnsEmptyData()
    {
        using var response = await SendAsync(HttpMethod.Get, await PageTokenAsync());

        (await SandboxDriver.JsonAsync(response, HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Post_WithoutFields_Fails100()
    {
        using var response = await SendAsync(HttpMethod.Post, await PageTokenAsync(), []);

        await SandboxDriver.ErrorAsync(response, 100, null);
    }

    [Fact]
    public async Task PostGetDelete_PageToken_InstallsListsAndRemovesOurApp()
    {
        var token = await PageTokenAsync();

        using var post = await SendAsync(HttpMethod.Post, token, new() { ["subscribed_fields"] = "messages,message_echoes,standby" });
        using var get = await SendAsync(HttpMethod.Get, token);
        var listed = (await SandboxDriver.JsonAsync(get, HttpStatusCode.OK)).GetProperty("data");
        using var delete = await SendAsync(HttpMethod.Delete, token);
        using var after = await SendAsync(HttpMethod.Get, token);

        (await SandboxDriver.JsonAsync(post, HttpStatusCode.OK)).GetProperty("success").GetBoolean().ShouldBeTrue();
        listed.GetArrayLength().ShouldBe(1);
        listed[0].GetProperty("id").GetString().ShouldBe(sandbox.App.AppId);
        listed[0].GetProperty("name").GetString().ShouldBe("Omnichat");
        listed[0].GetProperty("subscribed_fields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["messages", "message_echoes", "standby"]);
        (await SandboxDriver.JsonAsync(delete, HttpStatusCode.OK)).GetProperty("success").GetBoolean().ShouldBeTrue();
        (await SandboxDriver.JsonAsync(after, HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ControlDrop_AfterSubscribe_GetReturnsEmpty()
    {
        var token = await PageTokenAsync();
        (await SendAsync(HttpMethod.Post, token, new() { ["subscribed_fields"] = "[\"messages\"]" })).EnsureSuccessStatusCode();

        (await sandbox.ControlAsync(HttpMethod.Delete, $"pages/{PageId}/subscribed-apps")).EnsureSuccessStatusCode();
        using var get = await SendAsync(HttpMethod.Get, token);

        (await SandboxDriver.JsonAsync(get, HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Get_UserToken_Fails210()
    {
        using var response = await SendAsync(HttpMethod.Get, await sandbox.LongLivedTokenAsync(DemoWorld.DanaId));

        await SandboxDriver.ErrorAsync(response, 210, null);
    }
}
