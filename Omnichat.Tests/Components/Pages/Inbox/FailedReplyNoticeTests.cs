using Bunit;
using Omnichat.Console.Components.Pages.Inbox;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Components.Pages.Inbox;

/// <summary>The help page's FAQ 1 as a shop owner sees it under a failed reply.</summary>
public sealed class FailedReplyNoticeTests : ComponentTestBase
{
    internal static MessageView FailedReply(ReplyFailure failure, int code, int? subcode, string trace = "AbCdTrace") => new(
        Guid.NewGuid(), MessageDirection.Outbound, MessageKind.Text, "您好，今天有營業", [], null,
        DateTimeOffset.Parse("2026-11-30T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DeliveryState.Failed,
        EchoSource.None, FromStandby: false, "王小明", Tag: null, failure, code, subcode, trace, "(#10) message", AppId: null);

    [Fact]
    public void Render_OutsideWindow_ShowsTheSeedMessageTheCauseAndSingleEventGuidanceWithTraceId()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<FailedReplyNotice>(p => p.Add(x => x.Message, FailedReply(ReplyFailure.OutsideWindow, 10, 2018278)));

        cut.Find("[data-testid=failed-reply-title]").TextContent.ShouldBe("傳送訊息到 Facebook Messenger 失敗，請檢查 Facebook Messenger 整合是否設置成功");
        cut.Find("[data-testid=failed-reply-cause]").TextContent.ShouldContain("24 小時");
        cut.Find("[data-testid=failed-reply-guidance]").TextContent.ShouldContain("請完整截圖此畫面");
        cut.Find("[data-testid=failed-reply-details]").TextContent.ShouldContain("10/2018278");
        cut.Find("[data-testid=failed-reply-details]").TextContent.ShouldContain("AbCdTrace");
    }

    [Fact]
    public void Render_IntegrationBroken_PointsToTheReauthorizationSteps()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<FailedReplyNotice>(p => p.Add(x => x.Message, FailedReply(ReplyFailure.IntegrationBroken, 190, 460)));

        cut.Find("[data-testid=failed-reply-guidance]").TextContent.ShouldContain("串接權限失效");
        cut.Find("[data-testid=failed-reply-guidance] a").GetAttribute("href").ShouldBe("channels/facebook");
    }

    [Fact]
    public void Render_AnotherAppControlsTheThread_ShowsTheReceiverSteps()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<FailedReplyNotice>(p => p.Add(x => x.Message, FailedReply(ReplyFailure.AnotherAppControls, 2018300, null)));

        cut.Find("[data-testid=failed-reply]").TextContent.ShouldContain("舊版粉絲專頁");
        cut.Find("[data-testid=failed-reply]").TextContent.ShouldContain("新版粉絲專頁");
    }

    [Fact]
    public void ClickRetry_HandsTheReplyBack()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);
        MessageView? retried = null;
        var reply = FailedReply(ReplyFailure.Transient, 2, null);
        var cut = Render<FailedReplyNotice>(p => p.Add(x => x.Message, reply).Add(x => x.OnRetry, (MessageView m) => retried = m));

        cut.Find("[data-testid=retry]").Click();

        retried.ShouldBe(reply);
    }
}
