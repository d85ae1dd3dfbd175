using Bunit;
using Omnichat.Console.Components.Pages.Inbox;
using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Components.Pages.Inbox;

/// <summary>The composer says why it cannot send, and warns while the connection is failing.</summary>
public sealed class ReplyComposerTests : ComponentTestBase
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-30T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static ConversationThread Thread(MessagingWindow window, ConnectionStatus status = ConnectionStatus.Healthy,
        FailureCause cause = FailureCause.None) =>
        new(new ConversationSummary(Guid.NewGuid(), "104500000000001", "Demo Shop 台北店", "7999000000000001", Now, "你好", 0, status),
            [], Guid.NewGuid(), status, cause, window);

    private IRenderedComponent<ReplyComposer> RenderComposer(ConversationThread thread) =>
        Render<ReplyComposer>(p => p.Add(x => x.Thread, thread).Add(x => x.OnSend, _ => Task.FromResult(true)));

    [Fact]
    public void Render_WindowOpen_SaysUntilWhenAndAllowsTyping()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = RenderComposer(Thread(new MessagingWindow(WindowState.Open, Now.AddHours(20))));

        cut.Find("[data-testid=composer-window]").TextContent.ShouldContain("24 小時內");
        cut.Find("textarea").HasAttribute("disabled").ShouldBeFalse();
        cut.FindAll("[data-testid=composer-connection-warning]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(WindowState.Closed, "超過 7 天")]
    [InlineData(WindowState.HumanAgentDisabled, "Human Agent")]
    [InlineData(WindowState.NoCustomerMessage, "還沒有傳訊息")]
    public void Render_WindowShut_SaysWhyAndCannotSend(WindowState state, string reason)
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = RenderComposer(Thread(new MessagingWindow(state, null)));

        cut.Find("[data-testid=composer-window]").TextContent.ShouldContain(reason);
        cut.Find("[data-testid=reply-send]").HasAttribute("disabled").ShouldBeTrue();
        cut.Find("textarea").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Render_ConnectionFailing_WarnsWithTheCause()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = RenderComposer(Thread(new MessagingWindow(WindowState.Open, Now.AddHours(20)),
            ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset));

        var warning = cut.Find("[data-testid=composer-connection-warning]").TextContent;
        warning.ShouldContain("需要重新授權");
        warning.ShouldContain("更改了密碼");
    }

    [Fact]
    public void Render_NotMessengerReceiver_ShowsTheReceiverSteps()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = RenderComposer(Thread(new MessagingWindow(WindowState.Open, Now.AddHours(20)),
            ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver));

        cut.Find("[data-testid=composer-connection-warning]").TextContent.ShouldContain("新版粉絲專頁");
    }
}
