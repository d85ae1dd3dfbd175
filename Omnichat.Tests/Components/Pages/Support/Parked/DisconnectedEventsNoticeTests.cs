using Omnichat.Core.Teams;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Data;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Components.Pages.Support.Parked;

/// <summary>The notice on a disconnected connection's detail page: counts for the team's admin, counts and a link for support.</summary>
public sealed class DisconnectedEventsNoticeTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        ParkedData.Seed(db);
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<ConnectionDetailPage> RenderAsMember(Omnichat.Core.Teams.Caller caller, Guid connectionId)
    {
        SignInAs(caller, TestCallers.DemoShop);
        return Render<ConnectionDetailPage>(p => p.Add(x => x.ConnectionId, connectionId));
    }

    [Fact]
    public void TeamAdmin_DisconnectedPage_SeesTheCustomerMessageCountAndFaq3_NoTextNoLink()
    {
        var cut = RenderAsMember(TestCallers.TeamAdmin, ParkedData.DemoConnectionId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=since-disconnection-count]").TextContent.ShouldBe("解除串接後，顧客傳到此專頁的訊息：1 則。"));
        cut.Find("[data-testid=since-disconnection-faq]").TextContent.ShouldContain("重新串接後，這些訊息不會匯入對話");
        cut.Find("[data-testid=since-disconnection-faq]").TextContent.ShouldContain("常見問題 3");
        cut.FindAll("[data-testid=since-disconnection-link]").ShouldBeEmpty();
        cut.FindAll("[data-testid=since-disconnection-until]").ShouldBeEmpty();
        // Neither the customer's words nor another team's later traffic reach the admin.
        cut.Markup.ShouldNotContain("還在嗎？");
        cut.Markup.ShouldNotContain("other shop gap");
        cut.Markup.ShouldNotContain(ParkedData.OtherShop);
    }

    [Fact]
    public void TeamAdmin_English_SameNoticeInEnglish()
    {
        UseCulture("en");

        var cut = RenderAsMember(TestCallers.TeamAdmin, ParkedData.DemoConnectionId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=since-disconnection-count]").TextContent
            .ShouldBe("Customer messages that arrived after this Page was disconnected: 1."));
        cut.Find("[data-testid=since-disconnection-faq]").TextContent.ShouldContain("will not be imported into Conversations");
    }

    [Fact]
    public void Agent_SeesNoNotice()
    {
        var cut = RenderAsMember(TestCallers.Agent, ParkedData.DemoConnectionId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=detail-page-name]"));
        cut.FindAll("[data-testid=since-disconnection]").ShouldBeEmpty();
    }

    [Fact]
    public void TeamAdmin_LiveConnection_SeesNoNotice()
    {
        var cut = RenderAsMember(TestCallers.TeamAdmin, ParkedData.LiveConnectionId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=detail-page-name]"));
        cut.FindAll("[data-testid=since-disconnection]").ShouldBeEmpty();
    }

    [Fact]
    public void Support_SeesEventsMessagesWhenTheNextConnectionCameAndTheLink()
    {
        SignInAs(TestCallers.Support);

        var cut = Render<IntegrationDetailPage>(p => p.Add(x => x.ConnectionId, ParkedData.DemoConnectionId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=since-disconnection-count]").TextContent
            .ShouldBe("此專頁解除串接後收到 4 筆事件（其中 1 則是顧客訊息），已另外保存。"));
        cut.Find("[data-testid=since-disconnection-until]").TextContent.ShouldContain(LocalTimeFormat.Default.DateAndTime(ParkedData.OtherFirstConnected));
        cut.Find("[data-testid=since-disconnection-link]").GetAttribute("href").ShouldBe($"/support/webhooks/parked/{ParkedData.SharedPageId}");
    }
}
