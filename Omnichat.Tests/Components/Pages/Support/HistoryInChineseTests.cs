using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Components.Pages.Support;

/// <summary>
/// A connection's history on a zh-TW page is all Chinese: the notes the console writes (who authorized, reauthorized,
/// a reply that failed) and the rows written before they were notes, which held English sentences.
/// </summary>
public sealed class HistoryInChineseTests : ComponentTestBase
{
    private static readonly GraphError SendError = new(190, 460, "Error validating access token", FbTraceId: "ReplyTrace1");

    // What a zh-TW reader must never see: the English the history used to be written in.
    private static readonly string[] English = ["Facebook user", "reauthorized", "A reply failed", "Customer events arrive", "subscribed again"];

    public HistoryInChineseTests() => Context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(IntegrationData.Now));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        IntegrationData.Seed(db);
        var at = IntegrationData.Now.AddMinutes(-30);
        // Written the way the console writes them now...
        db.ConnectionEvents.Add(Event(ConnectionEventKind.Reauthorized, at, HistoryNote.FacebookUser("Dana Chen")));
        db.ConnectionEvents.Add(Event(ConnectionEventKind.StatusChanged, at, HistoryNote.Reauthorized, ConnectionStatus.Healthy));
        db.ConnectionEvents.Add(Event(ConnectionEventKind.StatusChanged, at.AddMinutes(5), HistoryNote.ReplyFailed(SendError), ConnectionStatus.NeedsReauthorization));
        db.ConnectionChecks.Add(new ConnectionCheck
        {
            ConnectionId = IntegrationData.FailingId, TeamId = TestCallers.DemoShopId, RunId = Guid.NewGuid(), At = at.AddMinutes(5),
            Outcome = CheckOutcome.Failed, Status = ConnectionStatus.NeedsReauthorization, Cause = FailureCause.PasswordChangedOrSecurityReset,
            ErrorCode = 190, ErrorSubcode = 460, FbTraceId = "ReplyTrace1", Detail = HistoryNote.ReplyFailed(SendError),
        });
        // ...and as rows from before notes hold them (IntegrationData's connect event says "Facebook user Dana Chen" too).
        db.ConnectionEvents.Add(Event(ConnectionEventKind.StatusChanged, at.AddMinutes(-10), "reauthorized", ConnectionStatus.Healthy));
        db.ConnectionEvents.Add(Event(ConnectionEventKind.Resubscribed, at.AddMinutes(-20), "webhook subscription was missing; subscribed again"));
        await db.SaveChangesAsync();
    }

    [Fact]
    public void DetailPage_InChinese_ShowsNoEnglishNote()
    {
        SignInAs(TestCallers.Support);

        var cut = Render<IntegrationDetailPage>(p => p.Add(x => x.ConnectionId, IntegrationData.FailingId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=timeline-entry][data-kind=Reauthorized]"));
        var timeline = cut.Find("[data-testid=timeline]").TextContent;
        timeline.ShouldContain("Facebook 帳號：Dana Chen");
        timeline.ShouldContain("已重新授權");
        timeline.ShouldContain("一則回覆失敗：");
        timeline.ShouldContain("訊息訂閱已中斷，Omnichat 已自動重新訂閱。");
        cut.Find("[data-testid=last-graph-error]").TextContent.ShouldContain("一則回覆失敗：(#190/460)");
        var text = string.Concat(cut.Nodes.Select(n => n.TextContent));
        foreach (var english in English)
        {
            text.ShouldNotContain(english, Case.Insensitive, "no English note on a zh-TW page");
        }
    }

    [Fact]
    public void DetailPage_InEnglish_ShowsTheNotesInEnglish()
    {
        UseCulture("en");
        SignInAs(TestCallers.Support);

        var cut = Render<IntegrationDetailPage>(p => p.Add(x => x.ConnectionId, IntegrationData.FailingId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=timeline-entry][data-kind=Reauthorized]"));
        var timeline = cut.Find("[data-testid=timeline]").TextContent;
        timeline.ShouldContain("Facebook account: Dana Chen");
        timeline.ShouldContain("A reply failed: (#190/460)");
        timeline.ShouldNotContain("reply-failed:");
    }

    private static ConnectionEvent Event(ConnectionEventKind kind, DateTimeOffset at, string detail, ConnectionStatus? status = null) => new()
    {
        ConnectionId = IntegrationData.FailingId, TeamId = TestCallers.DemoShopId, Kind = kind, At = at,
        ActorName = kind == ConnectionEventKind.StatusChanged ? "system" : TestCallers.TeamAdmin.DisplayName, Status = status, Detail = detail,
    };
}
