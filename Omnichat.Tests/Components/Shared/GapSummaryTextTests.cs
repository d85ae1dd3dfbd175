using System.Globalization;
using Bunit;
using Omnichat.Console.Components.Shared;
using Omnichat.Core.Backfill;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components.Shared;

/// <summary>What a back-fill did, in the team's own clock: "中斷期間（10:05–11:20）補回 12 則訊息，3 則無法補回".</summary>
public sealed class GapSummaryTextTests : ComponentTestBase
{
    // 10:05 and 11:20 in Taipei (UTC+8).
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-12-02T02:05:00Z", CultureInfo.InvariantCulture);
    private static readonly DateTimeOffset End = DateTimeOffset.Parse("2026-12-02T03:20:00Z", CultureInfo.InvariantCulture);

    private IRenderedComponent<GapSummaryText> RenderGap(GapSummary gap, string zone = "Asia/Taipei") =>
        Render<GapSummaryText>(p =>
        {
            p.Add(x => x.Gap, gap);
            p.AddCascadingValue(LocalTimeFormat.For(zone));
        });

    private static GapSummary Gap(BackfillState state, int recovered, int unrecoverable, DateTimeOffset? end = null) =>
        new(Guid.NewGuid(), GapCause.Unsubscribed, Start, end ?? End, state, recovered, unrecoverable, null);

    [Fact]
    public void Done_SomeBeyondReach_SaysBothCountsWithTheTeamsClockTimes()
    {
        var cut = RenderGap(Gap(BackfillState.Done, 12, 3));

        cut.Find("[data-testid=gap-summary]").TextContent.ShouldBe("中斷期間（10:05–11:20）補回 12 則訊息，3 則無法補回");
    }

    [Theory]
    [InlineData(BackfillState.Done, 3)]
    [InlineData(BackfillState.Done, 0)]
    [InlineData(BackfillState.Running, 0)]
    [InlineData(BackfillState.Failed, 0)]
    [InlineData(BackfillState.Skipped, 0)]
    public void Closed_TheTwoTimesStayOnOneLine(BackfillState state, int unrecoverable)
    {
        // A phone's narrow column broke the line after the dash: 10:05– above 11:20.
        var cut = RenderGap(Gap(state, 12, unrecoverable));

        var range = cut.Find("[data-testid=gap-summary] [data-testid=gap-range]");
        range.TextContent.ShouldBe("10:05–11:20");
        range.ClassList.ShouldContain("nowrap");
    }

    [Fact]
    public void Done_AnotherTimeZone_UsesThatTeamsClock()
    {
        var cut = RenderGap(Gap(BackfillState.Done, 12, 3), "Europe/London");

        cut.Find("[data-testid=gap-summary]").TextContent.ShouldStartWith("中斷期間（02:05–03:20）");
    }

    [Fact]
    public void Done_EverythingRecovered_SaysOnlyWhatWasRecovered()
    {
        var cut = RenderGap(Gap(BackfillState.Done, 5, 0));

        cut.Find("[data-testid=gap-summary]").TextContent.ShouldBe("中斷期間（10:05–11:20）補回 5 則訊息");
    }

    [Fact]
    public void StillOpen_SaysSinceWhenMessagesMayBeMissing()
    {
        var cut = RenderGap(new GapSummary(Guid.NewGuid(), GapCause.AppRemoved, Start, null, BackfillState.Waiting, 0, 0, null));

        cut.Find("[data-testid=gap-summary]").TextContent.ShouldContain("2026-12-02 10:05");
    }

    [Fact]
    public void Done_InEnglish_SaysItInEnglish()
    {
        UseCulture("en");

        var cut = RenderGap(Gap(BackfillState.Done, 12, 3));

        cut.Find("[data-testid=gap-summary]").TextContent.ShouldBe("During the outage (10:05–11:20) 12 messages were recovered, 3 could not be");
    }
}
