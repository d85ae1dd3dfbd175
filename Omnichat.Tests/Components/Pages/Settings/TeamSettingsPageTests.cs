using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Omnichat.Console.Components.Pages.Settings;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components.Pages.Settings;

public sealed class TeamSettingsPageTests : ComponentTestBase
{
    private static readonly Guid OtherShopId = Guid.Parse("0b6c5d1e-2f3a-4b5c-8d7e-9f0a1b2c3d4e");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Db();
        db.Teams.Add(new Team
        {
            Id = TestCallers.DemoShopId,
            Name = TestCallers.DemoShop,
            PlanEndsOn = new DateOnly(2030, 6, 30),
            NotificationEmails = "ops@demo.local,owner@shop.test",
        });
        db.Teams.Add(new Team { Id = OtherShopId, Name = "Other Shop" });
        await db.SaveChangesAsync();
    }

    private Task<OmnichatDbContext> Db() =>
        Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();

    private async Task<Team> TeamAsync(Guid id)
    {
        await using var db = await Db();
        return await db.Teams.AsNoTracking().SingleAsync(t => t.Id == id);
    }

    private IRenderedComponent<MudSnackbarProvider> snackbars = default!;

    /// <summary>The page with a snackbar provider beside it, so the tests read the feedback a user sees.</summary>
    private IRenderedComponent<TeamSettingsPage> RenderPage()
    {
        snackbars = Render<MudSnackbarProvider>();
        return Render<TeamSettingsPage>();
    }

    [Fact]
    public async Task Save_AdminTypesBadAddresses_ListsEachErrorKeepsTheTextAndSavesNothing()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderPage();
        var typed = "ops@demo.local\nbad@\nnot-an-address";
        cut.WaitForElement("[data-testid=addresses-input] textarea").Input(typed);

        cut.Find("[data-testid=save-notifications]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=address-error]").Select(e => e.TextContent)
            .ShouldBe(["「bad@」不是有效的電子郵件地址。", "「not-an-address」不是有效的電子郵件地址。"]));
        cut.Find("[data-testid=addresses-input] textarea").GetAttribute("value").ShouldBe(typed);
        snackbars.Markup.ShouldContain("有 2 個信箱格式不正確，沒有儲存任何變更。");
        (await TeamAsync(TestCallers.DemoShopId)).NotificationEmails.ShouldBe("ops@demo.local,owner@shop.test");
    }

    [Fact]
    public async Task Save_AdminFixesAddresses_SavesThemAndSaysSo()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=addresses-input] textarea").Input("ops@demo.local, boss@shop.test");

        cut.Find("[data-testid=save-notifications]").Click();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("已儲存通知信設定。"));
        cut.FindAll("[data-testid=address-error]").ShouldBeEmpty();
        (await TeamAsync(TestCallers.DemoShopId)).NotificationEmails.ShouldBe("ops@demo.local,boss@shop.test");
    }

    [Fact]
    public void Render_Agent_ShowsSettingsReadOnly()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = RenderPage();

        cut.WaitForAssertion(() => cut.Find("[data-testid=read-only-notice]").TextContent.ShouldContain("只有團隊管理員"));
        cut.FindAll("[data-testid=address-list] li").Select(li => li.TextContent).ShouldBe(["ops@demo.local", "owner@shop.test"]);
        cut.Find("[data-testid=plan-ends-on]").TextContent.Trim().ShouldBe("2030-06-30");
        cut.Find("[data-testid=time-zone]").TextContent.Trim().ShouldBe("Asia/Taipei (UTC+08:00)", "a new team shows Taiwan time");
        cut.FindAll("textarea").ShouldBeEmpty();
        cut.FindAll("button[data-testid^=save]").ShouldBeEmpty();
        cut.FindAll("[data-testid=team-picker]").ShouldBeEmpty();
    }

    [Fact]
    public async Task SavePlan_Support_SetsThePlanEndDateOfTheShownTeam()
    {
        SignInAs(TestCallers.Support);
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=team-picker]");
        // Teams are listed by name, so support starts on Demo Shop.
        cut.Find("[data-testid=plan-end-input] input").GetAttribute("value").ShouldBe("2030-06-30");

        cut.Find("[data-testid=plan-end-input] input").Change("2027-03-31");
        cut.Find("[data-testid=save-plan]").Click();

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("已更新「Demo Shop」的方案到期日。"));
        (await TeamAsync(TestCallers.DemoShopId)).PlanEndsOn.ShouldBe(new DateOnly(2027, 3, 31));
        cut.Find("[data-testid=read-only-notice]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Render_PlanEnded_WarnsThatNoRemindersAreSent()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        await using (var db = await Db())
        {
            (await db.Teams.SingleAsync(t => t.Id == TestCallers.DemoShopId)).PlanEndsOn = new DateOnly(2020, 1, 1);
            await db.SaveChangesAsync();
        }

        var cut = RenderPage();

        cut.WaitForAssertion(() => cut.Find("[data-testid=plan-ended]").TextContent.ShouldContain("不會寄送串接失效提醒信"));
    }
}
