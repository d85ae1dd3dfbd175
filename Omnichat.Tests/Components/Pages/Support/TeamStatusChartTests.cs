using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Data;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Components.Pages.Support;

/// <summary>The 30-day chart of a team with two pages: an axis that fits two, and a tooltip that says what a bar is.</summary>
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

    private IRenderedComponent<TeamStatusChart> RenderChart() =>
        Render<TeamStatusChart>(p => p.Add(x => x.Caller, TestCallers.Support).Add(x => x.TeamId, TestCallers.DemoShopId));

    [Fact]
    public void Render_TwoPagesADay_AxisInWholeNumbersUpToTwo()
    {
        var cut = RenderChart();

        cut.WaitForAssertion(() => cut.Find(".mud-charts-yaxis text"));
        cut.FindAll(".mud-charts-yaxis text").Select(t => t.TextContent).ShouldBe(["0", "1", "2"]);
    }

    [Fact]
    public void Hover_TodaysFailingBar_TooltipNamesStatusCountAndDate()
    {
        var cut = RenderChart();
        cut.WaitForAssertion(() => cut.FindAll("path.mud-chart-bar").Count.ShouldBeGreaterThan(0));

        // The bars go day by day, each day's statuses in order: the last is today's failing page.
        cut.FindAll("path.mud-chart-bar")[^1].MouseOver();

        cut.WaitForAssertion(() => cut.Find(".mud-charts-tooltip").TextContent.ShouldContain("需要重新授權：1 個專頁"));
        cut.Find(".mud-charts-tooltip").TextContent.ShouldContain("12-01");
    }

    [Fact]
    public void Render_ThirtyDays_EachCarriesItsDate()
    {
        var cut = RenderChart();

        cut.WaitForAssertion(() => cut.Find(".mud-charts-xaxis text"));
        var dates = cut.FindAll(".mud-charts-xaxis text").Select(t => t.TextContent).Where(t => t.Length > 0).ToList();
        dates.Count.ShouldBe(TeamStatusChart.Days);
        dates[^1].ShouldBe("12-01");
        dates[0].ShouldBe("11-02");
    }
}
