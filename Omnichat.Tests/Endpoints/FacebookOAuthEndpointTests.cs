using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Endpoints;

/// <summary>The consent round trip over real HTTP: the start link, the sandbox dialog, and the callback page.</summary>
public sealed class FacebookOAuthEndpointTests : IAsyncLifetime
{
    private ConsoleServer server = default!;

    public async Task InitializeAsync() => server = await ConsoleServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static async Task<Dictionary<string, string>> StartAsync(HttpClient client, string query = "purpose=Connect")
    {
        using var response = await client.GetAsync($"facebook/oauth/start?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var dialog = response.Headers.Location.ShouldNotBeNull();
        return QueryHelpers.ParseQuery(dialog.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    private async Task<string> CallbackUrlAsync(Dictionary<string, string> dialog, object pages)
    {
        using var sandbox = server.CreateHttpClient();
        var redirect = await new SandboxControl(sandbox).AuthorizeAsync(DemoWorld.DanaId, dialog["client_id"], dialog["redirect_uri"], dialog["state"], pages);
        return redirect.PathAndQuery.TrimStart('/');
    }

    [Fact]
    public async Task Start_Anonymous_GoesToSignIn()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("facebook/oauth/start?purpose=Connect");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task Start_Agent_IsDenied()
    {
        using var agent = await server.SignInAsync("agent@demo.local");

        using var response = await agent.GetAsync("facebook/oauth/start?purpose=Connect");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task Start_TeamAdmin_OpensTheSandboxDialogWithStateAndOurCallback()
    {
        using var admin = await server.SignInAsync("admin@demo.local");

        var dialog = await StartAsync(admin);

        dialog["redirect_uri"].ShouldBe(new Uri(server.BaseAddress, "facebook/oauth/callback").ToString());
        dialog["state"].Length.ShouldBeGreaterThan(30);
        dialog["response_type"].ShouldBe("code");
        dialog.ShouldNotContainKey("auth_type");
    }

    [Fact]
    public async Task Callback_ConsentGiven_PageSaysHowManyPagesAndToGoBack()
    {
        using var admin = await server.SignInAsync("admin@demo.local");
        var callback = await CallbackUrlAsync(await StartAsync(admin), "all");

        var page = await admin.GetStringAsync(callback);

        page.ShouldContain("授權完成");
        // 33 pages, of which the partner page, where Dana is only an editor, cannot be connected: counted out, and said why.
        page.ShouldContain("已授權 32 個可串接的 Facebook 專頁（Facebook 帳號：Dana Chen）。另有 1 個專頁無法串接，不計入：1 個你沒有完整控制權（例如只是編輯）。請回到 Omnichat 分頁");
        // Shouldly compares case-insensitively, and random antiforgery text holds "eaa" now and then: look for a token's shape.
        TokenText.FindToken(page).ShouldBeNull();
    }

    [Fact]
    public async Task Callback_Reloaded_SaysItWasAlreadyHandled()
    {
        using var admin = await server.SignInAsync("admin@demo.local");
        var callback = await CallbackUrlAsync(await StartAsync(admin), "all");
        await admin.GetStringAsync(callback);

        var again = await admin.GetStringAsync(callback);

        again.ShouldContain("已經處理過");
    }

    [Fact]
    public async Task Callback_Cancelled_SaysNothingChanged()
    {
        using var admin = await server.SignInAsync("admin@demo.local");
        var dialog = await StartAsync(admin);

        var page = await admin.GetStringAsync(
            $"facebook/oauth/callback?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state={dialog["state"]}");

        page.ShouldContain("你取消了 Facebook 授權，沒有任何變更");
    }

    [Theory]
    [InlineData("facebook/oauth/callback?code=abc", "缺少驗證資訊")]
    [InlineData("facebook/oauth/callback?code=abc&state=forged", "無效")]
    public async Task Callback_BadState_IsRefusedWithAClearMessage(string url, string expected)
    {
        using var admin = await server.SignInAsync("admin@demo.local");

        var page = await admin.GetStringAsync(url);

        page.ShouldContain(expected);
    }

    [Fact]
    public async Task Callback_StateOfAnotherTeamsAdmin_IsRefused()
    {
        using var admin = await server.SignInAsync("admin@demo.local");
        using var other = await server.SignInAsync("admin@other.local");
        var callback = await CallbackUrlAsync(await StartAsync(admin), "all");

        var page = await other.GetStringAsync(callback);

        page.ShouldContain("不是由你開啟的");
    }

    [Fact]
    public async Task Start_ReauthorizeAnotherTeamsConnection_IsDenied()
    {
        using var other = await server.SignInAsync("admin@other.local");

        using var response = await other.GetAsync($"facebook/oauth/start?purpose=Reauthorize&connectionId={Guid.NewGuid()}");

        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}
