using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Components.Shared;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components.Shared;

/// <summary>"3 分鐘前" where people expect it, the team's own clock for anything older, the exact time on hover.</summary>
public sealed class RelativeTimeTests : ComponentTestBase
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-02T07:30:00Z", CultureInfo.InvariantCulture);

    public RelativeTimeTests() => Context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));

    private IRenderedComponent<RelativeTime> RenderAgo(TimeSpan ago, string? format = null) =>
        Render<RelativeTime>(p =>
        {
            p.Add(x => x.At, Now - ago);
            if (format is not null)
            {
                p.Add(x => x.Format, format);
            }
        });

    [Theory]
    [InlineData(10, "剛剛")]
    [InlineData(-20, "剛剛")]
    [InlineData(180, "3 分鐘前")]
    [InlineData(3 * 3600 + 59, "3 小時前")]
    public void Today_IsSaidRelative(int secondsAgo, string expected)
    {
        var cut = RenderAgo(TimeSpan.FromSeconds(secondsAgo));

        cut.Find("time").TextContent.ShouldBe(expected);
    }

    [Fact]
    public void Yesterday_IsTheDateAndTimeInTaiwan_WithTheExactTimeOnHover()
    {
        var cut = RenderAgo(TimeSpan.FromHours(30), "最後檢查：{0}");

        var time = cut.Find("time");
        time.TextContent.ShouldBe("最後檢查：2026-12-01 09:30");
        time.GetAttribute("title").ShouldBe("2026-12-01 09:30 (Asia/Taipei)");
        time.GetAttribute("datetime").ShouldBe("2026-12-01T01:30:00.0000000Z");
    }

    [Fact]
    public void InEnglish_SaysItInEnglish()
    {
        UseCulture("en");

        RenderAgo(TimeSpan.FromMinutes(5)).Find("time").TextContent.ShouldBe("5 min ago");
    }
}
