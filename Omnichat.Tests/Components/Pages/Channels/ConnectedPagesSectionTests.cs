using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components.Pages.Channels;

public sealed class ConnectedPagesSectionTests : ComponentTestBase
{
    // Counts the database contexts opened, to tell whether a re-render read the gaps again.
    private readonly CountingContextFactory contexts = new();

    public ConnectedPagesSectionTests() =>
        Context.Services.AddSingleton<IDbContextFactory<OmnichatDbContext>>(sp =>
            contexts.Around(sp.GetRequiredService<IDbContextFactory<SqliteOmnichatDbContext>>()));

    private static ConnectionView Connection(string name, ConnectionStatus status = ConnectionStatus.Healthy,
        FailureCause cause = FailureCause.None, bool notCovered = false) =>
        new(Guid.NewGuid(), "104500000000001", name, status, cause, "王小明 (Demo admin)",
            DateTimeOffset.Parse("2026-11-30T08:15:00Z", System.Globalization.CultureInfo.InvariantCulture), "Dana Chen", null, notCovered);

    private IRenderedComponent<ConnectedPagesSection> RenderSection(params ConnectionView[] connections) =>
        Render<ConnectedPagesSection>(p => p.Add(x => x.Caller, TestCallers.TeamAdmin).Add(x => x.Connections, connections));

    [Fact]
    public void PageThatFailedOverTwice_SuggestsTheSystemUser_OthersDoNot()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var loc = Context.Services.GetRequiredService<IStringLocalizer<FacebookStrings>>();

        var cut = RenderSection(Connection("Demo Shop 台北店") with { SuggestsSystemUser = true }, Connection("Demo Shop 台中店"));

        var suggestion = cut.Find("[data-testid=suggest-system-user]");
        suggestion.TextContent.ShouldBe(loc[nameof(FacebookStrings.SuggestSystemUser)]);
        cut.FindAll("[data-testid=suggest-system-user]").Count.ShouldBe(1);
    }

    [Fact]
    public void Render_Connection_ShowsStatusWhoAndWhen()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Connection("Demo Shop 台北店"));

        cut.Find("[data-testid=connected-page]").TextContent.ShouldContain("Demo Shop 台北店");
        cut.Find("[data-status]").TextContent.Trim().ShouldBe("尚未檢查", "a page no check has looked at yet is not called healthy");
        cut.Find("[data-testid=connected-by]").TextContent.ShouldBe("王小明 (Demo admin)，2026-11-30 16:15");
        cut.Find("[data-testid=connected-by] .nowrap").TextContent.ShouldBe("2026-11-30 16:15", "the date never breaks across lines");
        cut.Find("[data-testid=reauthorize]").GetAttribute("href").ShouldStartWith("facebook/oauth/start?purpose=Reauthorize&connectionId=");
    }

    [Fact]
    public void Render_TeamInAnotherZone_ShowsItsOwnClockWithoutAUtcSuffix()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<CascadingValue<LocalTimeFormat>>(p => p
            .Add(x => x.Value, LocalTimeFormat.For("Asia/Tokyo"))
            .AddChildContent<ConnectedPagesSection>(c => c.Add(x => x.Caller, TestCallers.TeamAdmin).Add(x => x.Connections, [Connection("Demo Shop 台北店")])));

        cut.Find("[data-testid=connected-by]").TextContent.ShouldBe("王小明 (Demo admin)，2026-11-30 17:15");
        cut.Markup.ShouldNotContain("UTC");
    }

    [Fact]
    public void Render_BrokenConnection_SaysWhyInPlainWords()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Connection("台北店", ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset));

        cut.Find("[data-status]").TextContent.Trim().ShouldBe("需要重新授權");
        cut.Find("[data-testid=connection-cause]").TextContent.ShouldContain("更改了密碼");
    }

    [Fact]
    public void Render_PageNoLongerCoveredByConsent_SaysItsAuthorizationNoLongerWorks()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Connection("台北店", notCovered: true));

        var warning = cut.Find("[data-testid=not-covered-warning]").TextContent;
        warning.ShouldContain("編輯設定");
        warning.ShouldContain("已無法收發訊息");
        warning.ShouldNotContain("暫時仍可運作");
    }

    [Fact]
    public void Render_UncoveredPageAlreadyFailing_TheCauseSaysItOnce()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Connection("台北店", ConnectionStatus.MissingPermission, FailureCause.PageNotGranted, notCovered: true));

        cut.Find("[data-testid=connection-cause]").TextContent.ShouldContain("編輯設定");
        cut.FindAll("[data-testid=not-covered-warning]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_GapBackfilledThisWeek_SaysWhatWasRecoveredInTheTeamsClock()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var connection = Connection("Demo Shop 台北店");
        // Yesterday 10:05–11:20 on the team's (default) clock: within the week the page tells about.
        var zone = LocalTimeFormat.Default.Zone;
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date.AddDays(-1);
        var ended = new DateTimeOffset(yesterday.AddHours(11).AddMinutes(20), zone.GetUtcOffset(yesterday)).ToUniversalTime();
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            db.EventGaps.Add(new Omnichat.Core.Backfill.EventGap
            {
                ConnectionId = connection.Id, TeamId = TestCallers.DemoShopId, PageId = connection.PageId, Cause = Omnichat.Core.Backfill.GapCause.Unsubscribed,
                StartedAt = ended.AddMinutes(-75), EndedAt = ended, DetectedAt = ended, Backfill = Omnichat.Core.Backfill.BackfillState.Done,
                Recovered = 12, Unrecoverable = 3,
            });
            await db.SaveChangesAsync();
        }

        var cut = RenderSection(connection);

        cut.WaitForAssertion(() => cut.Find("[data-testid=connection-gap]").TextContent.ShouldBe(
            string.Format(System.Globalization.CultureInfo.CurrentCulture, SharedStrings.Gap_Recovered, "10:05", "11:20", 12, 3)));
    }

    [Fact]
    public void Rerender_SameConnections_DoesNotReadTheGapsAgain()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        ConnectionView[] connections = [Connection("Demo Shop 台北店")];
        var before = contexts.Created;
        var cut = RenderSection(connections);
        var afterFirst = contexts.Created;

        // The tab re-renders for a tick in the authorized list or a toast, handing over the list it already had.
        cut.Render(p => p.Add(x => x.Connections, connections).Add(x => x.Caller, TestCallers.TeamAdmin));
        cut.Render(p => p.Add(x => x.Connections, connections));

        afterFirst.ShouldBe(before + 1, "the first render reads the gaps");
        contexts.Created.ShouldBe(afterFirst);
    }

    [Fact]
    public async Task Rerender_ConnectionsLoadedAgain_ShowsAGapRecordedMeanwhile()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var connection = Connection("Demo Shop 台北店");
        var cut = RenderSection(connection);
        var ended = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            db.EventGaps.Add(new Omnichat.Core.Backfill.EventGap
            {
                ConnectionId = connection.Id, TeamId = TestCallers.DemoShopId, PageId = connection.PageId, Cause = Omnichat.Core.Backfill.GapCause.ConsoleDown,
                StartedAt = ended.AddMinutes(-30), EndedAt = ended, DetectedAt = ended, Backfill = Omnichat.Core.Backfill.BackfillState.Done, Recovered = 2,
            });
            await db.SaveChangesAsync();
        }

        // A finished back-fill sends a change notice: the tab loads the connections again, a new list of the same pages.
        cut.Render(p => p.Add(x => x.Connections, [connection]));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=connection-gap]").ShouldHaveSingleItem());
    }

    private sealed class CountingContextFactory : IDbContextFactory<OmnichatDbContext>
    {
        private IDbContextFactory<SqliteOmnichatDbContext>? inner;
        private int created;

        public int Created => Volatile.Read(ref created);

        public CountingContextFactory Around(IDbContextFactory<SqliteOmnichatDbContext> factory)
        {
            inner = factory;
            return this;
        }

        public OmnichatDbContext CreateDbContext()
        {
            Interlocked.Increment(ref created);
            return inner!.CreateDbContext();
        }
    }

    [Fact]
    public void Render_NoGap_SaysNothingAboutGaps()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Connection("Demo Shop 台北店"));

        cut.FindAll("[data-testid=connection-gap]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_Agent_HasNoActions()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<ConnectedPagesSection>(p => p.Add(x => x.Caller, TestCallers.Agent).Add(x => x.Connections, [Connection("台北店")]));

        cut.FindAll("[data-testid=disconnect]").ShouldBeEmpty();
        cut.FindAll("[data-testid=reauthorize]").ShouldBeEmpty();
    }

    [Fact]
    public void Disconnect_AsksForConfirmationAndCancelKeepsThePage()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderSection(Connection("Demo Shop 台北店"));

        cut.Find("[data-testid=disconnect]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("解除串接「Demo Shop 台北店」？"));
        dialogs.Markup.ShouldContain("過去的對話與紀錄會保留");
        dialogs.Find("[data-testid=confirm-yes]").ClassList.ShouldContain("mud-button-filled-error", "the destructive button is red, as the row action");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "取消").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldNotContain("解除串接「Demo Shop 台北店」？"));
        cut.Find("[data-testid=disconnect]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Disconnect_Confirmed_DisconnectsKeepsTheHistoryAndSaysSo()
    {
        // A connection whose page token is already gone (Facebook revoked it), so the service disconnects without a Graph
        // call: the component test has no Graph peer; the unsubscribe itself is covered by ConnectFlowTests.
        var stored = await StoreConnectionAsync("Demo Shop 台北店");
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = RenderSection(Connection("Demo Shop 台北店") with { Id = stored.Id });

        cut.Find("[data-testid=disconnect]").Click();
        var loc = Context.Services.GetRequiredService<IStringLocalizer<FacebookStrings>>();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == loc[nameof(FacebookStrings.Disconnect)]).Click());

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain(loc[nameof(FacebookStrings.Disconnected), "Demo Shop 台北店"]));
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var connection = await db.PageConnections.SingleAsync(c => c.Id == stored.Id);
        connection.Status.ShouldBe(ConnectionStatus.Disconnected);
        connection.DisconnectedByName.ShouldBe(TestCallers.TeamAdmin.DisplayName);
        (await db.ConnectionEvents.SingleAsync(e => e.ConnectionId == stored.Id && e.Kind == ConnectionEventKind.Disconnected))
            .ActorName.ShouldBe(TestCallers.TeamAdmin.DisplayName);
    }

    [Fact]
    public void Reauthorize_ThatRepairedOtherPages_SaysHowMany()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var snackbars = Render<MudSnackbarProvider>();
        var broken = Enumerable.Range(1, 3)
            .Select(i => Connection($"Demo Shop {i} 店", ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset) with { Id = Guid.NewGuid() })
            .ToList();
        var earlier = Connection("Demo Shop 高雄店") with { Id = Guid.NewGuid(), LastReauthorizedAt = DateTimeOffset.UnixEpoch };
        var cut = RenderSection([.. broken, earlier]);

        cut.FindAll("[data-testid=reauthorize]")[0].Click();
        var at = DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        cut.Render(p => p.Add(x => x.Connections,
            [.. broken.Select(c => c with { Status = ConnectionStatus.Healthy, Cause = FailureCause.None, LastReauthorizedAt = at }), earlier]));

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("已重新授權「Demo Shop 1 店」，另有 2 個專頁一併恢復正常"));
    }

    [Fact]
    public void Reauthorize_OpenedHere_SaysSoWhenTheConsentCameBack_OnlyForThatPage()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var snackbars = Render<MudSnackbarProvider>();
        var taipei = Connection("Demo Shop 台北店", ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset);
        var taichung = Connection("Demo Shop 台中店") with { Id = Guid.NewGuid() };
        var cut = RenderSection(taipei, taichung);

        cut.FindAll("[data-testid=reauthorize]")[0].Click();
        // A refresh for something else (a check ran) says nothing.
        cut.Render(p => p.Add(x => x.Connections, [taipei with { LastCheckedAt = DateTimeOffset.UnixEpoch }, taichung]));
        snackbars.Markup.ShouldNotContain("已重新授權");

        var reauthorizedAt = DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        cut.Render(p => p.Add(x => x.Connections,
            [taipei with { Status = ConnectionStatus.Healthy, Cause = FailureCause.None, LastReauthorizedAt = reauthorizedAt }, taichung with { LastReauthorizedAt = reauthorizedAt }]));

        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("已重新授權「Demo Shop 台北店」"));
        snackbars.Markup.ShouldNotContain("台中店");
        // The admin comes back from Facebook's tab whenever they are done there: the message waits to be closed.
        snackbars.FindAll(".mud-snackbar button").ShouldNotBeEmpty();
    }

    [Fact]
    public void Disconnect_ConnectionRemovedMeanwhile_SaysItIsNotFound()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = RenderSection(Connection("Demo Shop 台北店"));

        cut.Find("[data-testid=disconnect]").Click();
        var loc = Context.Services.GetRequiredService<IStringLocalizer<FacebookStrings>>();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == loc[nameof(FacebookStrings.Disconnect)]).Click());

        // Nothing of this connection is stored, as when another admin disconnected it a moment earlier.
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain(loc[nameof(FacebookStrings.DisconnectNotFound)]));
    }

    private async Task<PageConnection> StoreConnectionAsync(string name)
    {
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        db.Teams.Add(new Team { Id = TestCallers.DemoShopId, Name = TestCallers.DemoShop });
        var connection = new PageConnection
        {
            TeamId = TestCallers.DemoShopId,
            PageId = "104500000000001",
            PageName = name,
            Status = ConnectionStatus.Healthy,
            ConnectedByName = TestCallers.TeamAdmin.DisplayName,
        };
        db.PageConnections.Add(connection);
        await db.SaveChangesAsync();
        return connection;
    }

    [Fact]
    public void Render_NoConnections_ShowsEmptyState()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection();

        cut.Find("[data-testid=connected-empty]").TextContent.ShouldContain("尚未串接任何 Facebook 專頁");
    }
}
