using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>
/// Issue 16 points 4 and 5 over HTTP with the sandbox, one person (Dana Chen) and no backup: one reauthorization
/// repairs every page the same password change broke, and a consent that leaves a connected page out ends its token
/// at once, as Meta does, instead of at the next reply.
/// </summary>
public sealed class ReauthorizationRepairTests : FlowTest
{
    private static readonly string[] Pages = Enumerable.Range(1, 4).Select(DemoWorld.ShopPageId).ToArray();
    private Caller admin = default!;

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync(DemoAccounts.Admin.Email);
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, Pages)).ShouldAllBe(r => r.Succeeded);
    }

    [Fact]
    public async Task ReauthorizingOnePage_RepairsEveryPageThePasswordChangeBroke()
    {
        await BreakAllAsync();
        var first = await ConnectionIdAsync(Pages[0]);

        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all", OAuthPurpose.Reauthorize, first);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Reauthorized);
        outcome.RepairedPageCount.ShouldBe(Pages.Length - 1, "the result says how many other pages work again");
        await using (var db = await DbAsync())
        {
            (await db.PageConnections.AsNoTracking().Select(c => c.Status).ToListAsync()).ShouldAllBe(s => s == ConnectionStatus.Healthy);
            (await db.FailureEpisodes.CountAsync(e => e.EndedAt == null)).ShouldBe(0, "every episode the password change opened is over");
            (await db.ConnectionEvents.CountAsync(e => e.Kind == ConnectionEventKind.Reauthorized && e.ActorName == admin.DisplayName))
                .ShouldBe(Pages.Length, "each page's history says who reauthorized it");
        }
        var banner = await Driver.Service<ChannelOverviewService>().GetFailingAsync(admin, CancellationToken.None);
        banner.ShouldBeEmpty();
        // The fresh tokens really work: the next check finds nothing wrong.
        var summary = await CheckAsync();
        (summary.Passed, summary.Failed).ShouldBe((Pages.Length, 0));
    }

    [Fact]
    public async Task DisconnectAndConnectAsTheHelpPageSays_RepairsTheOtherPagesOnTheConsent()
    {
        await BreakAllAsync();
        await Driver.DisconnectAsync(admin, await ConnectionIdAsync(Pages[0]));

        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        outcome.Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        outcome.RepairedPageCount.ShouldBe(Pages.Length - 1);
        (await Driver.ConnectAsync(admin, Pages[0])).ShouldAllBe(r => r.Succeeded);

        var summary = await CheckAsync();
        (summary.Passed, summary.Failed).ShouldBe((Pages.Length, 0));
    }

    [Fact]
    public async Task ConsentOfSomeoneWhoLostFullControl_RepairsNothing_AndThePageStaysFailing()
    {
        await Driver.Sandbox.PutAsync($"pages/{Pages[1]}/roles/{DemoWorld.DanaId}", new { tasks = new[] { "MODERATE", "MESSAGING" } });
        (await CheckAsync()).Failed.ShouldBe(1);

        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");

        outcome.RepairedPageCount.ShouldBe(0, "an editor's token cannot run the page");
        await using var db = await DbAsync();
        var page = await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == Pages[1]);
        (page.Status, page.Cause).ShouldBe((ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost));
        (await db.FailureEpisodes.CountAsync(e => e.EndedAt == null)).ShouldBe(1);
    }

    [Fact]
    public async Task ConsentLeavingOutAConnectedPage_EndsItsAuthorizationAtOnce_AndThePageFailsWithOneEmail()
    {
        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, Pages.Skip(1).ToArray(), OAuthPurpose.EditSettings);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        await using var db = await DbAsync();
        var left = await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == Pages[0]);
        outcome.Uncovered.ShouldBe([left.PageName], "the result says which page stopped");
        outcome.MovedToBackup.ShouldBeEmpty();
        (left.Status, left.Cause).ShouldBe((ConnectionStatus.MissingPermission, FailureCause.PageNotGranted),
            "failing now, with 編輯設定 as the fix, not at the next reply");
        var row = await db.AuthorizedPages.AsNoTracking().SingleAsync(p => p.PageId == Pages[0]);
        row.InvalidSince.ShouldNotBeNull();
        row.InvalidCause.ShouldBe(FailureCause.PageNotGranted);
        (await db.FailureEpisodes.AsNoTracking().Where(e => e.EndedAt == null).Select(e => e.ConnectionId).ToListAsync()).ShouldBe([left.Id]);
        var email = (await db.OutboxEmails.AsNoTracking().Where(e => e.Kind == EmailKind.ConnectionFailure).ToListAsync()).ShouldHaveSingleItem();
        OutboxPayloadJson.DeserializeConnectionFailure(email.Payload).Pages.Select(p => p.PageId).ShouldBe([Pages[0]]);
        (await db.PageConnections.CountAsync(c => c.Status == ConnectionStatus.Healthy)).ShouldBe(Pages.Length - 1);

        // The next check agrees (Facebook refuses the token): still one episode, still one e-mail.
        await CheckAsync();
        (await db.FailureEpisodes.CountAsync()).ShouldBe(1);
        (await db.OutboxEmails.CountAsync(e => e.Kind == EmailKind.ConnectionFailure)).ShouldBe(1);
    }

    private async Task BreakAllAsync()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        var broken = await CheckAsync();
        broken.Failed.ShouldBe(Pages.Length);
    }

    private Task<CheckRunSummary> CheckAsync() => Driver.CheckAllAsync();

    private Task<OmnichatDbContext> DbAsync() => Driver.DbAsync();

    private Task<Guid> ConnectionIdAsync(string pageId) => Driver.ConnectionIdAsync(pageId);
}
