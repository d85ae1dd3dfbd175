using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Console.Components.Pages.Support.Parked;
using Omnichat.Core.Data;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Components.Pages.Support.Parked;

public sealed class ParkedPagesPageTests : ComponentTestBase
{
    private async Task SeedAsync(Action<OmnichatDbContext> seed)
    {
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        seed(db);
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<ParkedPagesPage> RenderAt(string address)
    {
        SignInAs(TestCallers.Support);
        Navigation.NavigateTo(address);
        return Render<ParkedPagesPage>();
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ParkedPagesPage> cut, string pageId) =>
        cut.FindAll("tr").Single(r => r.QuerySelector($"[data-testid=parked-row][data-page-id='{pageId}']") is not null);

    [Fact]
    public async Task Render_Support_OneRowPerPage_NewestFirst_WithTeamsReasonAndCounts()
    {
        await SeedAsync(ParkedData.Seed);

        var cut = RenderAt("support/webhooks/parked");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=parked-row]").Select(r => r.GetAttribute("data-page-id"))
            .ShouldBe([ParkedData.NeverPageId, ParkedData.SharedPageId]));
        var never = Row(cut, ParkedData.NeverPageId);
        never.QuerySelector("[data-testid=parked-row-link]")!.TextContent.ShouldBe(ParkedData.NeverPageId);
        never.QuerySelector("[data-testid=parked-no-team]")!.TextContent.ShouldBe("沒有團隊串接過");
        never.QuerySelector("[data-testid=parked-reason]")!.TextContent.ShouldBe("從未串接");
        never.QuerySelector("[data-testid=parked-row-count]")!.TextContent.ShouldBe("3");
        never.QuerySelector("[data-testid=parked-row-fields]")!.TextContent.Trim().ShouldBe("一般 2 · 待命 1");
        var shared = Row(cut, ParkedData.SharedPageId);
        shared.QuerySelector("[data-testid=parked-row-link]")!.TextContent.ShouldBe(ParkedData.SharedPageNameLater);
        shared.QuerySelector("[data-testid=parked-row-link]")!.GetAttribute("href").ShouldBe($"/support/webhooks/parked/{ParkedData.SharedPageId}");
        shared.QuerySelectorAll("[data-testid=parked-team] a").Select(a => a.TextContent).ShouldBe([ParkedData.OtherShop, TestCallers.DemoShop]);
        shared.QuerySelector("[data-testid=parked-reason]")!.TextContent.ShouldBe("已解除串接");
        cut.Find("[data-testid=parked-total]").TextContent.ShouldBe("共 2 個專頁");
    }

    [Fact]
    public void Render_NothingKept_SaysSo()
    {
        var cut = RenderAt("support/webhooks/parked");

        cut.WaitForAssertion(() => cut.Find("[data-testid=parked-empty]").TextContent.ShouldBe("目前沒有保存的事件：收到事件的專頁都有團隊串接。"));
        cut.FindAll("[data-testid=parked-row]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_PagePastTheEnd_GoesToTheLastPage()
    {
        await SeedAsync(ParkedData.Seed);

        var cut = RenderAt("support/webhooks/parked?sort=EventCount&page=3");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=parked-row]").Count.ShouldBe(2));
        Navigation.Uri.ShouldEndWith("support/webhooks/parked?sort=EventCount");
        cut.FindAll("[data-testid=parked-empty]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_English_ReasonAndCountsInEnglish()
    {
        await SeedAsync(ParkedData.Seed);
        UseCulture("en");

        var cut = RenderAt("support/webhooks/parked");

        cut.WaitForAssertion(() => Row(cut, ParkedData.NeverPageId).QuerySelector("[data-testid=parked-reason]")!.TextContent.ShouldBe("Never connected"));
        Row(cut, ParkedData.SharedPageId).QuerySelector("[data-testid=parked-reason]")!.TextContent.ShouldBe("Disconnected");
        Row(cut, ParkedData.NeverPageId).QuerySelector("[data-testid=parked-row-fields]")!.TextContent.Trim().ShouldBe("Messaging 2 · Standby 1");
        cut.Find("h1").TextContent.ShouldBe("Webhook events kept aside");
    }

    [Fact]
    public async Task Paging_FiftyAPage_SecondPageFromTheAddress()
    {
        await SeedAsync(db =>
        {
            for (var i = 0; i < 55; i++)
            {
                ParkedData.ParkOne(db, (400000000000000L + i).ToString(CultureInfo.InvariantCulture), ParkedData.Now.AddMinutes(i));
            }
        });

        var first = RenderAt("support/webhooks/parked");
        first.WaitForAssertion(() => first.FindAll("[data-testid=parked-row]").Count.ShouldBe(50));
        first.Find("[data-testid=parked-pager]");
        first.FindAll("[data-testid=parked-row]")[0].GetAttribute("data-page-id").ShouldBe("400000000000054");

        Navigation.NavigateTo("support/webhooks/parked?page=2");

        first.WaitForAssertion(() => first.FindAll("[data-testid=parked-row]").Select(r => r.GetAttribute("data-page-id"))
            .ShouldBe(["400000000000004", "400000000000003", "400000000000002", "400000000000001", "400000000000000"]));
        first.Find("[data-testid=parked-total]").TextContent.ShouldBe("共 55 個專頁");
    }

    [Fact]
    public async Task ClickSort_PutsTheOrderInTheAddress_SecondClickReverses()
    {
        await SeedAsync(ParkedData.Seed);
        var cut = RenderAt("support/webhooks/parked?page=2");
        cut.WaitForAssertion(() => cut.Find("[data-testid=sort-EventCount]"));

        cut.Find("[data-testid=sort-EventCount]").Click();
        Navigation.Uri.ShouldEndWith("support/webhooks/parked?sort=EventCount");
        cut.WaitForAssertion(() => cut.Find("[data-testid=sort-EventCount]").GetAttribute("data-active").ShouldBe("true"));
        cut.FindAll("[data-testid=parked-row]").Select(r => r.GetAttribute("data-page-id")).ShouldBe([ParkedData.SharedPageId, ParkedData.NeverPageId]);

        cut.Find("[data-testid=sort-EventCount]").Click();
        Navigation.Uri.ShouldEndWith("support/webhooks/parked?sort=EventCount&asc=1");
    }

    [Fact]
    public async Task IntegrationList_LinksToTheKeptEventsWithThePageCount()
    {
        await SeedAsync(ParkedData.Seed);
        SignInAs(TestCallers.Support);
        Navigation.NavigateTo("support/integrations");

        var cut = Render<IntegrationStatusPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=parked-link]").TextContent.Trim().ShouldBe("未串接專頁的 Webhook 事件：2 個專頁"));
        cut.Find("[data-testid=parked-link]").GetAttribute("href").ShouldBe("/support/webhooks/parked");
    }
}
