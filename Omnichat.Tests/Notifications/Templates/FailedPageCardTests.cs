using Bunit;
using Omnichat.Core.Channels;
using Omnichat.Core.Notifications;
using Omnichat.Core.Notifications.Templates;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Notifications.Templates;

public sealed class FailedPageCardTests : TemplateTestContext
{
    private IRenderedComponent<FailedPageCard> Render(FailedPage page, string culture = "zh-TW", string timeZone = TeamTimeZones.Default) =>
        Context.Render<FailedPageCard>(p => p.Add(x => x.Page, page).Add(x => x.Words, EmailWords.For(culture)).Add(x => x.Time, LocalTimeFormat.For(timeZone)));

    [Fact]
    public void Render_FailingSince_InTheTeamsZoneNamedByItsId_NotUtc()
    {
        var since = new DateTimeOffset(2026, 12, 1, 21, 57, 0, TimeSpan.Zero);

        var cut = Render(new FailedPage(Guid.NewGuid(), "123", "台北店", ConnectionStatus.NeedsReauthorization, FailureCause.TokenExpired, since));

        var line = cut.Find("[data-role=failing-since]").TextContent;
        line.ShouldBe("失效起始： 2026-12-02 05:57 (Asia/Taipei)");
        cut.Markup.ShouldNotContain("UTC");
        cut.Markup.ShouldNotContain("21:57");
    }

    [Fact]
    public void Render_FailingSince_InAnotherTeamZone_FollowsIt()
    {
        var since = new DateTimeOffset(2026, 12, 1, 21, 57, 0, TimeSpan.Zero);

        var cut = Render(new FailedPage(Guid.NewGuid(), "123", "Shop", ConnectionStatus.NeedsReauthorization, FailureCause.TokenExpired, since),
            "en", "Europe/London");

        cut.Find("[data-role=failing-since]").TextContent.ShouldBe("Failing since: 2026-12-01 21:57 (Europe/London)");
    }

    [Fact]
    public void Render_PayloadQueuedBeforeTheTimeWasKept_LeavesTheLineOut()
    {
        var cut = Render(new FailedPage(Guid.NewGuid(), "123", "台北店", ConnectionStatus.NeedsReauthorization, FailureCause.TokenExpired));

        cut.FindAll("[data-role=failing-since]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_Checkpoint_SaysLogInOnFacebookFirstThenReauthorize()
    {
        var cut = Render(new FailedPage(Guid.NewGuid(), "123", "台北店", ConnectionStatus.NeedsReauthorization, FailureCause.Checkpoint));

        cut.Find("div").TextContent.ShouldBe("台北店");
        cut.Markup.ShouldContain("專頁 ID：123");
        cut.Find("[data-role=status]").TextContent.ShouldBe("需要重新授權");
        cut.Find("[data-role=cause]").TextContent.ShouldContain("暫時鎖定");
        var steps = cut.FindAll("[data-role=fix] li").Select(li => li.TextContent).ToList();
        steps.Count.ShouldBe(2);
        steps[0].ShouldContain("先登入 facebook.com");
        steps[1].ShouldContain("重新授權");
    }

    [Fact]
    public void Render_NotMessengerReceiver_GivesOldAndNewPageSteps()
    {
        var cut = Render(new FailedPage(Guid.NewGuid(), "9", "Shop", ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver), "en");

        cut.Find("[data-role=status]").TextContent.ShouldBe("Not the Messenger receiver");
        var steps = cut.FindAll("[data-role=fix] li").Select(li => li.TextContent).ToList();
        steps.Count.ShouldBe(2);
        steps[0].ShouldStartWith("Classic Pages");
        steps[1].ShouldStartWith("New Pages experience");
        steps.ShouldAllBe(s => s.Contains("Messenger receiver"));
    }

    [Fact]
    public void Render_MissingPermission_PointsToEditSettings()
    {
        var cut = Render(new FailedPage(Guid.NewGuid(), "9", "Shop", ConnectionStatus.MissingPermission, FailureCause.PageNotGranted));

        cut.Find("[data-role=fix] li").TextContent.ShouldContain("編輯設定");
    }
}
