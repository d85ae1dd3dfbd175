using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Components.Pages.Support;

/// <summary>The 30-day chart of a team with two pages: an axis that fits two, bars to scale, and each day's numbers in words.</summary>
public sealed class TeamStatusChartTests : ComponentTestBase
{
    public TeamStatusChartTests() => Context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(IntegrationData.Now));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        IntegrationData.Seed(db);
        await db.SaveChangesAsync();
    }

    private IRenderedComponent<TeamStatusChart> RenderChart()
    {
        var cut = Render<TeamStatusChart>(p => p.Add(x => x.Caller, TestCallers.Support).Add(x => x.TeamId, TestCallers.DemoShopId));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=chart-day]").Count.ShouldBe(TeamStatusChart.Days));
        return cut;
    }

    private static string Height(IElement segment) => segment.GetAttribute("style")!.Split(';')[0].Trim();

    [Fact]
    public void Render_TwoPagesADay_AxisInWholeNumbersUpToTwo()
    {
        var cut = RenderChart();

        cut.FindAll("[data-testid=chart-tick]").Select(t => t.TextContent).ShouldBe(["0", "1", "2"]);
    }

    [Fact]
    public void Render_Today_OneHealthyAndOneFailingPage_EachHalfTheHeight()
    {
        var cut = RenderChart();

        var today = cut.FindAll("[data-testid=chart-day]")[^1];
        today.GetAttribute("data-day").ShouldBe("2026-12-01");
        var segments = today.QuerySelectorAll("[data-testid=chart-segment]");
        segments.Select(s => s.GetAttribute("data-status")).ShouldBe([nameof(ConnectionStatus.Healthy), nameof(ConnectionStatus.NeedsReauthorization)]);
        segments.Select(Height).ShouldBe(["height: 50%", "height: 50%"]);
        // Five days ago both pages worked: one segment, the full height.
        cut.FindAll("[data-testid=chart-day]")[^5].QuerySelectorAll("[data-testid=chart-segment]").Select(Height).ShouldBe(["height: 100%"]);
    }

    [Fact]
    public void Render_EachDay_SaysItsDateAndCountsInWords_ForEveryoneNotOnlyTheMouse()
    {
        var cut = RenderChart();

        var today = cut.FindAll("[data-testid=chart-day]")[^1];
        var tip = cut.Find($"#{today.GetAttribute("aria-describedby")}");
        tip.GetAttribute("role").ShouldBe("tooltip");
        tip.TextContent.ShouldContain("12-01");
        tip.TextContent.ShouldContain("正常：1 個專頁");
        tip.TextContent.ShouldContain("需要重新授權：1 個專頁");
        today.TagName.ShouldBe("BUTTON", "a tap or the keyboard reaches a day");
    }

    [Fact]
    public async Task Render_TeamWithoutConnections_EveryDaySaysSoAndNothingIsStacked()
    {
        var empty = Guid.NewGuid();
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            db.Teams.Add(new Omnichat.Core.Teams.Team { Id = empty, Name = "New Shop" });
            await db.SaveChangesAsync();
        }

        var cut = Render<TeamStatusChart>(p => p.Add(x => x.Caller, TestCallers.Support).Add(x => x.TeamId, empty));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=chart-day]").Count.ShouldBe(TeamStatusChart.Days));

        cut.FindAll("[data-testid=chart-tip]").ShouldAllBe(t => t.TextContent.Contains("沒有串接中的專頁"));
        cut.FindAll("[data-testid=chart-segment]").ShouldBeEmpty();
        cut.FindAll("[data-testid=chart-legend]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_Legend_NamesOnlyTheStatusesTheBarsShow()
    {
        var cut = RenderChart();

        cut.FindAll("[data-testid=chart-legend]").Select(l => l.TextContent).ShouldBe(["正常", "需要重新授權"]);
    }

    [Fact]
    public void Render_ThirtyDays_DatesAWeekApartEndingToday()
    {
        var cut = RenderChart();

        var dates = cut.FindAll("[data-testid=chart-date]").Select(t => t.TextContent).ToList();
        dates.Count.ShouldBe(TeamStatusChart.Days);
        dates.Where(d => d.Length > 0).ShouldBe(["11-03", "11-10", "11-17", "11-24", "12-01"]);
    }
}
