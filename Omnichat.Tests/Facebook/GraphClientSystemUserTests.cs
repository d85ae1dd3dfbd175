using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Sandbox;

namespace Omnichat.Tests.Facebook;

/// <summary>
/// The Graph client's calls of a system-user consent (Facebook Login for Business, Business Integration System User
/// tokens) against the sandbox, which serves the documented shapes: Dana Chen installs the app for Demo Trading Co.
/// </summary>
public sealed class GraphClientSystemUserTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly string SystemUserId = DemoWorld.SystemUserIdOf(DemoWorld.TradingBusinessId);
    private readonly SandboxDriver sandbox = new(server);

    private GraphClient Graph => server.Services.GetRequiredService<GraphClient>();

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ExchangeCode_SystemUserCode_GivesATokenThatNeverExpires_AndMeNamesTheClientBusiness()
    {
        var code = await sandbox.SystemUserCodeAsync(DemoWorld.DanaId, DemoWorld.TradingBusinessId, new[] { Taipei });

        var exchanged = await Graph.ExchangeCodeAsync(code, sandbox.RedirectUri, CancellationToken.None);

        exchanged.IsSuccess.ShouldBeTrue();
        exchanged.Value!.ExpiresIn.ShouldBeNull("no long-lived step: the system user's token does not expire");
        var me = await Graph.GetSystemUserAsync(exchanged.Value.Token, CancellationToken.None);
        me.IsSuccess.ShouldBeTrue();
        me.Value!.ShouldBe(new SystemUser(SystemUserId, "Demo Trading Co. 系統使用者", DemoWorld.TradingBusinessId));
        var debug = await Graph.DebugTokenAsync(exchanged.Value.Token, CancellationToken.None);
        (debug.Value!.IsValid, debug.Value.Type, debug.Value.UserId, debug.Value.ExpiresAt).ShouldBe((true, "SYSTEM_USER", SystemUserId, (DateTimeOffset?)null));
    }

    [Fact]
    public async Task GetPageAccounts_SystemUserToken_GivesThePagesItWasGiven_WithPageTokensOfTheSystemUser()
    {
        var token = await SystemUserTokenAsync(Taipei, DemoWorld.ShopPageId(2));

        var accounts = await Graph.GetPageAccountsAsync(token, CancellationToken.None);

        accounts.Value!.Select(a => a.Id).ShouldBe([Taipei, DemoWorld.ShopPageId(2)]);
        accounts.Value!.ShouldAllBe(a => a.AccessToken != null && Omnichat.Core.Facebook.PageTasks.HasFullControl(a.Tasks));
        var page = await Graph.DebugTokenAsync(accounts.Value![0].AccessToken!, CancellationToken.None);
        (page.Value!.IsValid, page.Value.Type, page.Value.UserId, page.Value.ProfileId, page.Value.ExpiresAt)
            .ShouldBe((true, "PAGE", SystemUserId, Taipei, (DateTimeOffset?)null));
    }

    [Fact]
    public async Task GetSystemUser_PersonsToken_IsNotASystemUser()
    {
        var personal = await sandbox.LongLivedTokenAsync(DemoWorld.DanaId);

        var me = await Graph.GetSystemUserAsync(personal, CancellationToken.None);

        me.IsSuccess.ShouldBeFalse();
        me.Error!.Message.ShouldContain("client_business_id");
    }

    [Theory]
    [InlineData("password-change")]
    [InlineData("two-factor")]
    [InlineData("checkpoint")]
    [InlineData("remove-app")]
    public async Task PersonsTokenKiller_LeavesTheSystemUsersPageToken_AndTheBusinessRemovingTheAppEndsIt(string killer)
    {
        var token = await SystemUserTokenAsync(Taipei);
        var pageToken = (await Graph.GetPageAccountsAsync(token, CancellationToken.None)).Value!.Single().AccessToken!;

        (await sandbox.ControlAsync(HttpMethod.Post, $"users/{DemoWorld.DanaId}/{killer}")).EnsureSuccessStatusCode();
        (await sandbox.ControlAsync(HttpMethod.Put, $"pages/{Taipei}/roles/{DemoWorld.DanaId}", new { tasks = Array.Empty<string>() })).EnsureSuccessStatusCode();

        (await Graph.DebugTokenAsync(pageToken, CancellationToken.None)).Value!.IsValid.ShouldBeTrue();
        (await sandbox.ControlAsync(HttpMethod.Post, $"users/{SystemUserId}/password-change")).StatusCode.ShouldBe(HttpStatusCode.BadRequest,
            "a system user has no password to change");

        (await sandbox.ControlAsync(HttpMethod.Post, $"businesses/{DemoWorld.TradingBusinessId}/remove-app")).EnsureSuccessStatusCode();

        var ended = (await Graph.DebugTokenAsync(pageToken, CancellationToken.None)).Value!;
        ended.IsValid.ShouldBeFalse();
        (ended.Error!.Code, ended.Error.Subcode).ShouldBe((190, 458));
        GraphErrorClassifier.Classify(ended.Error).Cause.ShouldBe(Omnichat.Core.Channels.FailureCause.AppRemoved);
    }

    private async Task<string> SystemUserTokenAsync(params string[] pages)
    {
        var code = await sandbox.SystemUserCodeAsync(DemoWorld.DanaId, DemoWorld.TradingBusinessId, pages);
        return (await Graph.ExchangeCodeAsync(code, sandbox.RedirectUri, CancellationToken.None)).Value!.Token;
    }
}
