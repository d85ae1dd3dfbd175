using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Data;
using Omnichat.Core.Health;

namespace Omnichat.Tests.Components.Pages.Support;

public sealed class CheckOverdueStripTests : ComponentTestBase
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 5, TimeSpan.Zero));

    public CheckOverdueStripTests() => Context.Services.AddSingleton<TimeProvider>(clock);

    [Fact]
    public void Render_RunCompletedThisHour_ShowsNothing()
    {
        _ = Context.Services.GetRequiredService<CheckScheduleWatch>();
        clock.Advance(TimeSpan.FromMinutes(50));

        var cut = Context.Render<CheckOverdueStrip>();

        cut.WaitForElement("[data-testid=check-schedule-ok]");
        cut.FindAll("[data-testid=check-overdue-strip]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_NoRunForTwoHoursAndMore_ShowsTheRedStripWithTheLastRun()
    {
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            db.CheckRuns.Add(new CheckRun { Id = Guid.NewGuid(), StartedAt = clock.GetUtcNow(), CompletedAt = clock.GetUtcNow().AddSeconds(3), Instance = "test" });
            await db.SaveChangesAsync();
        }
        _ = Context.Services.GetRequiredService<CheckScheduleWatch>();
        clock.Advance(TimeSpan.FromHours(2.5));

        var cut = Context.Render<CheckOverdueStrip>();

        cut.WaitForAssertion(() =>
        {
            var strip = cut.Find("[data-testid=check-overdue-strip]");
            strip.TextContent.ShouldContain("2026-12-02 18:00");
            strip.ClassList.ShouldContain("mud-alert-filled-error");
        });
    }
}
