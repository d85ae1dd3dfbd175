using Bunit;
using Omnichat.Console.Components.Pages.Inbox;
using Omnichat.Console.Localization;
using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Components.Pages.Inbox;

/// <summary>Who a conversation is with, in the list: the customer's name once known, with the PSID small beside it.</summary>
public sealed class ConversationListTests : ComponentTestBase
{
    private const string Psid = "7100000000000001";

    private static ConversationSummary Row(string? firstName = null, string? lastName = null) => new(
        Guid.NewGuid(), "104518538110001", "Demo Shop 台北店", Psid,
        DateTimeOffset.Parse("2026-11-30T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "請問有貨嗎？", 1,
        ConnectionStatus.Healthy, firstName, lastName);

    private IRenderedComponent<ConversationList> RenderList(ConversationSummary row)
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);
        return Render<ConversationList>(p => p.Add(x => x.Conversations, [row]));
    }

    [Fact]
    public void Render_ChineseName_ShowsFamilyNameFirstAndThePsidAsSecondaryText()
    {
        var cut = RenderList(Row("怡君", "陳"));

        cut.Find("[data-testid=conversation-row] [data-testid=customer-name]").TextContent.ShouldBe("陳怡君");
        cut.Find("[data-testid=conversation-row] [data-testid=customer-psid]").TextContent.ShouldBe($"PSID {Psid}");
    }

    [Fact]
    public void Render_WesternName_ShowsFirstThenLast()
    {
        var cut = RenderList(Row("Amy", "Wang"));

        cut.Find("[data-testid=customer-name]").TextContent.ShouldBe("Amy Wang");
    }

    [Fact]
    public void Render_NameNotKnownYet_ShowsCustomerAndPsidAsBefore()
    {
        var cut = RenderList(Row());

        cut.Find("[data-testid=customer-name]").TextContent.ShouldBe($"顧客 {Psid}");
        cut.FindAll("[data-testid=customer-psid]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_English_NameNotKnownYet_SaysCustomer()
    {
        UseCulture(ConsoleCultures.English);

        var cut = RenderList(Row());

        cut.Find("[data-testid=customer-name]").TextContent.ShouldBe($"Customer {Psid}");
    }

    [Fact]
    public void Render_FailedReply_IsMarkedInTheList()
    {
        var cut = RenderList(Row() with { HasFailedReply = true });

        cut.Find("[data-testid=conversation-failed-reply]").TextContent.ShouldContain("有回覆傳送失敗");
    }

    [Fact]
    public void Render_NoFailedReply_HasNoMark()
    {
        var cut = RenderList(Row());

        cut.FindAll("[data-testid=conversation-failed-reply]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_OpenConversation_ShowsNoUnreadBadge_OthersDo()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);
        var open = Row();
        var other = Row() with { Id = Guid.NewGuid() };

        var cut = Render<ConversationList>(p => p.Add(x => x.Conversations, [open, other]).Add(x => x.SelectedId, open.Id));

        cut.FindAll($"[data-conversation-id='{open.Id}'] [data-testid=unread]").ShouldBeEmpty();
        cut.Find($"[data-conversation-id='{other.Id}'] [data-testid=unread]").TextContent.Trim().ShouldBe("1");
    }
}
