using System.Globalization;
using Bunit;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;
using Omnichat.Core.Receiving;

namespace Omnichat.Tests.Components.Pages.Channels;

public sealed class ReceivingLineTests : ComponentTestBase
{
    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);

    private IRenderedComponent<ReceivingLine> RenderLine(ReceivingView receiving) =>
        Render<ReceivingLine>(p => p.Add(x => x.Receiving, receiving));

    [Fact]
    public void Render_CustomerMessageThreeMinutesAgo_SaysWhenInRelativeTime()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-3).AddSeconds(-10);

        var cut = RenderLine(new ReceivingView(at, at, null));

        cut.Find("[data-testid=last-customer-message]").TextContent.ShouldBe(
            Format(FacebookStrings.LastCustomerMessage, Format(SharedStrings.MinutesAgo, 3)));
        cut.FindAll("[data-testid=last-event]").ShouldBeEmpty("the same instant is said once");
        cut.FindAll("[data-testid=silence-notice]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_EventAfterTheLastCustomerMessage_SaysBoth()
    {
        var now = DateTimeOffset.UtcNow;

        var cut = RenderLine(new ReceivingView(now.AddSeconds(-5), now.AddHours(-2).AddMinutes(-1), null));

        cut.Find("[data-testid=last-customer-message]").TextContent.ShouldBe(
            Format(FacebookStrings.LastCustomerMessage, Format(SharedStrings.HoursAgo, 2)));
        cut.Find("[data-testid=last-event]").TextContent.ShouldBe(Format(FacebookStrings.LastEvent, SharedStrings.JustNow));
    }

    [Fact]
    public void Render_NothingReceivedYet_SaysSo()
    {
        var cut = RenderLine(new ReceivingView(null, null, null));

        cut.Find("[data-testid=last-customer-message]").TextContent.ShouldBe(FacebookStrings.NoCustomerMessageYet);
        cut.FindAll("[data-testid=last-event]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_Silence_ShowsAYellowNoticeWithTheRule()
    {
        var last = DateTimeOffset.UtcNow.AddHours(-7);

        var cut = RenderLine(new ReceivingView(last, last, new SilenceNotice(20, 7, TimeSpan.FromHours(6), 34)));

        var notice = cut.Find("[data-testid=silence-notice]");
        notice.ClassList.ShouldContain("mud-alert-text-warning");
        notice.TextContent.Trim().ShouldBe(Format(FacebookStrings.SilenceNotice, 7, 34, Format(FacebookStrings.SilentForHours, 6), 20));
        notice.TextContent.ShouldContain("可能未收到訊息");
    }

    [Fact]
    public void Render_SilenceOfNinetyMinutes_SaysMinutes()
    {
        var last = DateTimeOffset.UtcNow.AddHours(-2);

        var cut = RenderLine(new ReceivingView(last, last, new SilenceNotice(20, 7, TimeSpan.FromMinutes(90), 20)));

        cut.Find("[data-testid=silence-notice]").TextContent.ShouldContain(Format(FacebookStrings.SilentForMinutes, 90));
    }

    [Fact]
    public void Render_InTheSection_EachConnectedPageShowsItsReceivingLine()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var at = DateTimeOffset.UtcNow.AddMinutes(-3).AddSeconds(-10);
        var connection = new ConnectionView(Guid.NewGuid(), "104500000000001", "Demo Shop 台北店", ConnectionStatus.Healthy, FailureCause.None,
            "王小明 (Demo admin)", at.AddDays(-30), "Dana Chen", at, false, Receiving: new ReceivingView(at, at, new SilenceNotice(20, 7, TimeSpan.FromHours(6), 21)));

        var cut = Render<ConnectedPagesSection>(p => p.Add(x => x.Caller, TestCallers.TeamAdmin).Add(x => x.Connections, [connection]));

        cut.Find("[data-testid=last-customer-message]").TextContent.ShouldBe(
            Format(FacebookStrings.LastCustomerMessage, Format(SharedStrings.MinutesAgo, 3)));
        cut.FindAll("[data-testid=silence-notice]").Count.ShouldBe(1);
    }

    [Fact]
    public void Render_English_SaysItInEnglish()
    {
        UseCulture(Omnichat.Console.Localization.ConsoleCultures.English);
        var last = DateTimeOffset.UtcNow.AddHours(-7);

        var cut = RenderLine(new ReceivingView(last, last, new SilenceNotice(20, 7, TimeSpan.FromHours(6), 34)));

        cut.Find("[data-testid=silence-notice]").TextContent.ShouldContain("Possibly not receiving messages");
        cut.Find("[data-testid=silence-notice]").TextContent.ShouldContain("6 hours");
    }
}
