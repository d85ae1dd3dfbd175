using System.Net;
using Omnichat.Console.Sandbox.Graph;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

public sealed class TokenKillerTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> MeAsync(string token) =>
        sandbox.Client.GetAsync(SandboxDriver.Graph("me", new() { ["access_token"] = token }));

    [Theory]
    [InlineData("password-change", 460, "passwordChanged")]
    [InlineData("two-factor", 467, "twoFactor")]
    [InlineData("checkpoint", 459, "checkpoint")]
    [InlineData("remove-app", 458, "appRemoved")]
    public async Task Killer_UserAndPageTokens_FailWithSubcodeOnMeAndDebugToken(string action, int subcode, string tokenState)
    {
        var userToken = await sandbox.LongLivedTokenAsync(DemoWorld.DanaId);
        var pageToken = await sandbox.PageTokenAsync(userToken, DemoWorld.ShopPageId(3));

        (await sandbox.ControlAsync(HttpMethod.Post, $"users/{DemoWorld.DanaId}/{action}")).EnsureSuccessStatusCode();

        using var me = await MeAsync(userToken);
        me.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await SandboxDriver.ErrorAsync(me, 190, subcode);
        me.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
        using var pageMe = await MeAsync(pageToken);
        await SandboxDriver.ErrorAsync(pageMe, 190, subcode);
        var debug = await sandbox.DebugAsync(pageToken);
        debug.GetProperty("is_valid").GetBoolean().ShouldBeFalse();
        debug.GetProperty("error").GetProperty("subcode").GetInt32().ShouldBe(subcode);
        var state = await sandbox.StateAsync();
        state.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == DemoWorld.DanaId)
            .GetProperty("tokenState").GetString().ShouldBe(tokenState);
    }

    [Fact]
    public async Task PasswordChange_MessageIsMetasVerbatim()
    {
        var userToken = await sandbox.UserTokenAsync(DemoWorld.DanaId);
        (await sandbox.ControlAsync(HttpMethod.Post, $"users/{DemoWorld.DanaId}/password-change")).EnsureSuccessStatusCode();

        using var me = await MeAsync(userToken);

        (await SandboxDriver.ErrorAsync(me, 190, 460)).GetProperty("message").GetString().ShouldBe(
            "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.");
    }

    [Fact]
    public async Task NewConsent_AfterPasswordChange_IssuesWorkingTokenAndRestoresState()
    {
        var old = await sandbox.UserTokenAsync(DemoWorld.DanaId);
        (await sandbox.ControlAsync(HttpMethod.Post, $"users/{DemoWorld.DanaId}/password-change")).EnsureSuccessStatusCode();

        var fresh = await sandbox.UserTokenAsync(DemoWorld.DanaId);

        (await MeAsync(fresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SandboxDriver.ErrorAsync(await MeAsync(old), 190, 460);
        var state = await sandbox.StateAsync();
        state.GetProperty("users")[0].GetProperty("tokenState").GetString().ShouldBe("valid");
    }

    [Fact]
    public async Task RoleChange_ManageDropped_PageTokenFails492()
    {
        var pageId = DemoWorld.ShopPageId(4);
        var pageToken = await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId), pageId);

        (await sandbox.ControlAsync(HttpMethod.Put, $"pages/{pageId}/roles/{DemoWorld.DanaId}", new { tasks = new[] { "MESSAGING", "ANALYZE" } })).EnsureSuccessStatusCode();

        await SandboxDriver.ErrorAsync(await MeAsync(pageToken), 190, 492);
        (await sandbox.DebugAsync(pageToken)).GetProperty("error").GetProperty("subcode").GetInt32().ShouldBe(492);
    }

    [Fact]
    public async Task Deselected_LaterConsentWithoutThePage_PageTokenFailsImpersonating()
    {
        var pageToken = await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId, pages: "all"), DemoWorld.ShopPageId(6));

        await sandbox.UserTokenAsync(DemoWorld.DanaId, pages: new[] { DemoWorld.ShopPageId(1) });

        var error = await SandboxDriver.ErrorAsync(await MeAsync(pageToken), 190, null);
        error.GetProperty("message").GetString().ShouldBe(GraphErrors.ImpersonationMessage);
        var debug = await sandbox.DebugAsync(pageToken);
        debug.GetProperty("is_valid").GetBoolean().ShouldBeFalse();
        debug.GetProperty("error").TryGetProperty("subcode", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Declined_PagesMessagingInLaterConsent_PageTokenFailsImpersonating()
    {
        var pageToken = await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId), DemoWorld.ShopPageId(8));

        await sandbox.UserTokenAsync(DemoWorld.DanaId, declined: ["pages_messaging"]);

        (await SandboxDriver.ErrorAsync(await MeAsync(pageToken), 190, null)).GetProperty("message").GetString().ShouldBe(GraphErrors.ImpersonationMessage);
    }

    [Fact]
    public async Task ShortLivedToken_AfterTwoHours_Fails463()
    {
        var token = await sandbox.UserTokenAsync(DemoWorld.DanaId);
        (await sandbox.ControlAsync(HttpMethod.Post, "clock/advance", new { minutes = 121 })).EnsureSuccessStatusCode();

        var error = await SandboxDriver.ErrorAsync(await MeAsync(token), 190, 463);
        error.GetProperty("message").GetString()!.ShouldStartWith("Error validating access token: Session has expired on ");
    }

    [Fact]
    public async Task RemoveApp_DeauthorizeCallbackAttemptIsRecorded()
    {
        (await sandbox.ControlAsync(HttpMethod.Post, $"users/{DemoWorld.SamId}/remove-app")).EnsureSuccessStatusCode();

        var callbacks = (await sandbox.StateAsync()).GetProperty("deauthorizeCallbacks");

        callbacks.GetArrayLength().ShouldBe(1);
        callbacks[0].GetProperty("userId").GetString().ShouldBe(DemoWorld.SamId);
        callbacks[0].GetProperty("url").GetString()!.ShouldEndWith("/webhooks/facebook/deauthorize");
    }

    [Fact]
    public async Task Control_UnknownUserOrBadTasks_Answers404Or400()
    {
        (await sandbox.ControlAsync(HttpMethod.Post, "users/123/password-change")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sandbox.ControlAsync(HttpMethod.Put, $"pages/{DemoWorld.SharedPageId}/roles/{DemoWorld.SamId}", new { tasks = new[] { "KING" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await sandbox.ControlAsync(HttpMethod.Put, $"pages/{DemoWorld.SharedPageId}/receiver", new { appId = "42" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
