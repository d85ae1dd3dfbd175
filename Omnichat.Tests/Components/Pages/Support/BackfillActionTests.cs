using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Backfill;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components.Pages.Support;

public sealed class BackfillActionTests : ComponentTestBase
{
    // Half a minute into a minute, so "whole minutes" and "until now" differ.
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-02T02:05:30Z", CultureInfo.InvariantCulture);
    private readonly Guid connectionId = Guid.NewGuid();

    public BackfillActionTests() => Context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        db.Teams.Add(new Team { Id = TestCallers.DemoShopId, Name = TestCallers.DemoShop });
        db.PageConnections.Add(new PageConnection
        {
            Id = connectionId,
            TeamId = TestCallers.DemoShopId,
            PageId = "104500000000001",
            PageName = "Demo Shop 台北店",
            Status = ConnectionStatus.Healthy,
            ConnectedByName = TestCallers.TeamAdmin.DisplayName,
            ConnectedAt = Now.AddDays(-1),
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Request_DefaultWindow_ReachesUntilNowNotTheStartOfThisMinute()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var snackbars = Render<MudBlazor.MudSnackbarProvider>();
        var cut = Render<BackfillAction>(p => p.Add(x => x.Caller, TestCallers.TeamAdmin).Add(x => x.ConnectionId, connectionId));

        cut.Find("button[data-testid=backfill-run]").Click();

        // 10:05:30 in Taipei: queued from 08:05 to now.
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("2026-12-02 08:05"));
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var gap = await db.EventGaps.SingleAsync();
        gap.EndedAt.ShouldBe(Now, "what the customer wrote a few seconds ago is inside the window");
        gap.StartedAt.ShouldBe(Now.AddSeconds(-30).AddHours(-2));
        gap.Cause.ShouldBe(GapCause.SupportRequest);
    }
}
