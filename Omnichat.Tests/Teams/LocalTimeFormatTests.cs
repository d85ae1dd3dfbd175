using System.Globalization;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Teams;

/// <summary>Stored instants are UTC; what a shop owner reads is the team's own clock.</summary>
public sealed class LocalTimeFormatTests
{
    private static readonly DateTimeOffset LateEveningUtc = DateTimeOffset.Parse("2026-12-01T21:57:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public void Default_IsTaipei_AndCrossesTheDateLikeTaiwanDoes()
    {
        LocalTimeFormat.Default.DateAndTime(LateEveningUtc).ShouldBe("2026-12-02 05:57");
        LocalTimeFormat.Default.Date(LateEveningUtc).ShouldBe("2026-12-02");
        LocalTimeFormat.Default.Clock(LateEveningUtc, seconds: true).ShouldBe("05:57:00");
        LocalTimeFormat.Default.Offset(LateEveningUtc).ShouldBe("UTC+08:00");
    }

    [Theory]
    [InlineData("UTC", "2026-12-01 21:57", "UTC")]
    [InlineData("Asia/Tokyo", "2026-12-02 06:57", "UTC+09:00")]
    [InlineData("America/Los_Angeles", "2026-12-01 13:57", "UTC-08:00")]
    public void OtherZones_ShowTheirOwnClock(string zone, string expected, string offset)
    {
        var format = LocalTimeFormat.For(zone);
        format.DateAndTime(LateEveningUtc).ShouldBe(expected);
        format.Offset(LateEveningUtc).ShouldBe(offset);
    }

    [Fact]
    public void DaylightSaving_FollowsTheZonesRules()
    {
        var summer = DateTimeOffset.Parse("2026-07-01T12:00:00Z", CultureInfo.InvariantCulture);
        LocalTimeFormat.For("Europe/London").DateAndTime(summer).ShouldBe("2026-07-01 13:00");
        LocalTimeFormat.For("Europe/London").DateAndTime(LateEveningUtc).ShouldBe("2026-12-01 21:57");
    }

    [Theory]
    [InlineData("Asia/Taipei", "2026-12-02 05:57 (Asia/Taipei)")]
    [InlineData("UTC", "2026-12-01 21:57 (UTC)")]
    public void WithZone_NamesTheZoneAsTheTeamSettingsDo(string zone, string expected) =>
        LocalTimeFormat.For(zone).DateAndTimeWithZone(LateEveningUtc).ShouldBe(expected);

    [Theory]
    [InlineData("Asia/Taipei", "2026-12-01T16:00:00Z")]
    [InlineData("UTC", "2026-12-02T00:00:00Z")]
    [InlineData("America/Los_Angeles", "2026-12-02T08:00:00Z")]
    public void StartOfDay_IsLocalMidnight(string zone, string expected) =>
        LocalTimeFormat.For(zone).StartOf(new DateOnly(2026, 12, 2)).ShouldBe(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture));

    [Fact]
    public void StartOfDay_WhereTheClockSkipsMidnight_IsTheFirstMinuteThatExists()
    {
        // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
        var santiago = new LocalTimeFormat(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));
        var start = santiago.StartOf(new DateOnly(2026, 9, 6));
        santiago.DateAndTime(start).ShouldBe("2026-09-06 01:00");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Nowhere/Invalid")]
    public void UnknownZone_FallsBackToTaipei(string? zone) =>
        LocalTimeFormat.For(zone).DateAndTime(LateEveningUtc).ShouldBe("2026-12-02 05:57");

    [Fact]
    public void EveryOfferedZone_IsKnownOnThisMachine()
    {
        foreach (var id in TeamTimeZones.All)
        {
            TimeZoneInfo.TryFindSystemTimeZoneById(id, out _).ShouldBeTrue(id);
        }
    }
}
