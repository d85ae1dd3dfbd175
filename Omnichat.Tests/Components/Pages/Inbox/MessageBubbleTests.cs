using System.Globalization;
using Bunit;
using Omnichat.Console.Components.Pages.Inbox;
using Omnichat.Console.Resources;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Components.Pages.Inbox;

/// <summary>A message read back after an outage says so; one that came by webhook does not.</summary>
public sealed class MessageBubbleTests : ComponentTestBase
{
    private static MessageView Inbound(bool recovered) => new(
        Guid.NewGuid(), MessageDirection.Inbound, MessageKind.Text, "請問今天有營業嗎", [], null,
        DateTimeOffset.Parse("2026-12-02T02:05:00Z", CultureInfo.InvariantCulture), DeliveryState.Received,
        EchoSource.None, FromStandby: false, AgentName: null, Tag: null, Failure: null, ErrorCode: null, ErrorSubcode: null,
        FbTraceId: null, ErrorMessage: null, AppId: null, Recovered: recovered);

    [Fact]
    public void Render_Recovered_ShowsTheRecoveredMarker()
    {
        var cut = Render<MessageBubble>(p => p.Add(x => x.Message, Inbound(recovered: true)));

        cut.Find("[data-testid=message-recovered]").TextContent.Trim().ShouldBe(InboxStrings.Recovered);
    }

    [Fact]
    public void Render_RecoveredInEnglish_SaysItInEnglish()
    {
        UseCulture("en");

        var cut = Render<MessageBubble>(p => p.Add(x => x.Message, Inbound(recovered: true)));

        cut.Find("[data-testid=message-recovered]").TextContent.Trim().ShouldBe("Recovered after an outage");
    }

    [Fact]
    public void Render_ArrivedByWebhook_HasNoMarker()
    {
        var cut = Render<MessageBubble>(p => p.Add(x => x.Message, Inbound(recovered: false)));

        cut.FindAll("[data-testid=message-recovered]").ShouldBeEmpty();
    }
}
