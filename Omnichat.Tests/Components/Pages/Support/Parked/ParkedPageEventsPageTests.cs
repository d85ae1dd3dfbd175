using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Components.Pages.Support.Parked;
using Omnichat.Console.Resources;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Integrations;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Components.Pages.Support.Parked;

public sealed class ParkedPageEventsPageTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        ParkedData.Seed(db);
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<ParkedPageEventsPage> RenderAt(string pageId, string query = "")
    {
        SignInAs(TestCallers.Support);
        Navigation.NavigateTo($"support/webhooks/parked/{pageId}{query}");
        return Render<ParkedPageEventsPage>(p => p.Add(x => x.PageId, pageId));
    }

    [Fact]
    public void Render_NeverConnectedPage_ShowsSummaryAndEachEventsKindContentAndCustomer()
    {
        var cut = RenderAt(ParkedData.NeverPageId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=parked-page-name]").TextContent.ShouldBe(ParkedData.NeverPageId));
        cut.Find("[data-testid=parked-summary] [data-testid=parked-reason]").TextContent.ShouldBe("從未串接");
        cut.Find("[data-testid=parked-summary-count]").TextContent.ShouldBe("3");
        cut.Find("[data-testid=parked-not-imported]").TextContent.ShouldContain("常見問題 3");
        var rows = cut.FindAll("tbody tr");
        rows.Select(r => r.QuerySelector("[data-testid=parked-event]")!.GetAttribute("data-kind")).ShouldBe(["Postback", "Message", "Message"]);
        rows[0].TextContent.ShouldContain("按鈕點擊");
        rows[0].TextContent.ShouldContain("16:00:00", customMessage: "events come seconds apart, so their times show seconds");
        rows[0].QuerySelector("[data-testid=parked-event-text]")!.TextContent.ShouldBe("開始使用");
        rows[0].QuerySelector("[data-testid=parked-event-psid]")!.TextContent.ShouldBe(ParkedData.SecondPsid);
        rows[1].QuerySelector("[data-testid=parked-event-attachments]")!.TextContent.Trim().ShouldBe("附件：image, video");
        rows[1].QuerySelector("[data-testid=parked-event-standby]")!.TextContent.ShouldBe("待命");
        rows[2].QuerySelector("[data-testid=parked-event-text]")!.TextContent.ShouldBe("請問有營業嗎？");
        rows[2].QuerySelectorAll("[data-testid=parked-event-standby]").ShouldBeEmpty();
        cut.Find("[data-testid=parked-events-total]").TextContent.ShouldBe("共 3 筆事件");
    }

    [Fact]
    public void Render_NeverConnectedPage_SaysWhatConnectingWouldDo_NotConnectedAgain()
    {
        var cut = RenderAt(ParkedData.NeverPageId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=parked-not-imported]").TextContent.Trim()
            .ShouldBe(ParkedStrings.NotImportedNeverConnected));
        cut.Markup.ShouldNotContain("重新串接後");
    }

    [Fact]
    public void Render_PageConnectedBefore_SaysItsEventsStayOutWhenConnectedAgain()
    {
        var cut = RenderAt(ParkedData.SharedPageId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=parked-not-imported]").TextContent.Trim()
            .ShouldBe(ParkedStrings.NotImported));
    }

    [Fact]
    public async Task Render_AuthorizedNeverConnectedPage_TitledByItsName()
    {
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            ParkedData.Authorize(db, TestCallers.DemoShopId, ParkedData.NeverPageId, "Demo Shop 新竹店", ParkedData.Now);
            await db.SaveChangesAsync();
        }

        var cut = RenderAt(ParkedData.NeverPageId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=parked-page-name]").TextContent.ShouldBe("Demo Shop 新竹店"));
        cut.Find("[data-testid=parked-summary]").TextContent.ShouldContain($"ID {ParkedData.NeverPageId}");
    }

    [Fact]
    public void Render_SharedPage_NamesTheTeamsAndReceipts()
    {
        var cut = RenderAt(ParkedData.SharedPageId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=parked-page-name]").TextContent.ShouldBe(ParkedData.SharedPageNameLater));
        cut.FindAll("[data-testid=parked-summary] [data-testid=parked-team] a").Select(a => a.TextContent).ShouldBe([ParkedData.OtherShop, TestCallers.DemoShop]);
        string KindText(string kind) => cut.Find($"[data-testid=parked-event][data-kind={kind}]").TextContent.Trim();
        KindText("Echo").ShouldBe("專頁發出的訊息");
        KindText("Delivery").ShouldBe("已送達回條");
        KindText("Read").ShouldBe("已讀回條");
    }

    [Fact]
    public async Task Paging_FiftyAPage_TheAddressPicksThePage()
    {
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < 52; i++)
            {
                var at = ParkedData.Now.AddDays(-30).AddMinutes(i);
                ParkedData.Park(db, ParkedData.LivePageId, ParkedReason.UnknownPage, at, WebhookJson.Message(ParkedData.Psid, ParkedData.LivePageId, $"m_{i}", $"message {i}", at));
            }
            await db.SaveChangesAsync();
        }

        var cut = RenderAt(ParkedData.LivePageId, "?page=2");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=parked-event-text]").Select(t => t.TextContent).ShouldBe(["message 1", "message 0"]));
        cut.Find("[data-testid=parked-events-pager]");
        cut.Find("[data-testid=parked-events-total]").TextContent.ShouldBe("共 52 筆事件");
    }

    [Fact]
    public void Render_PagePastTheEnd_GoesToTheLastPage()
    {
        var cut = RenderAt(ParkedData.NeverPageId, "?page=4");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=parked-event]").Count.ShouldBe(3));
        Navigation.Uri.ShouldEndWith($"support/webhooks/parked/{ParkedData.NeverPageId}");
    }

    [Fact]
    public void Render_PageWithNothingKept_SaysSo()
    {
        var cut = RenderAt("999999999999999");

        cut.WaitForAssertion(() => cut.Find("[data-testid=parked-not-found]").TextContent.ShouldBe("這個專頁沒有保存的事件。"));
    }
}
