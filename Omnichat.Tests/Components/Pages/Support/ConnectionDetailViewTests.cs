using Omnichat.Core.Teams;
using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Components.Pages.Support;

public sealed class ConnectionDetailViewTests : ComponentTestBase
{
    public ConnectionDetailViewTests() => Context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(IntegrationData.Now));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        IntegrationData.Seed(db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Render_Support_ShowsCauseLastErrorEmailChartAndTimeline()
    {
        SignInAs(TestCallers.Support);

        var cut = Render<IntegrationDetailPage>(p => p.Add(x => x.ConnectionId, IntegrationData.FailingId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=detail-page-name]").TextContent.ShouldBe(IntegrationData.FailingPage));
        cut.Find("[data-testid=detail-cause]").TextContent.ShouldContain("更改了密碼");
        cut.Find("[data-testid=error-code]").TextContent.ShouldBe("190");
        cut.Find("[data-testid=error-subcode]").TextContent.ShouldBe("460");
        cut.Find("[data-testid=error-trace]").TextContent.ShouldBe("AbCdEfTrace1");
        cut.Find("[data-testid=detail-email] [data-testid=email-state]").GetAttribute("data-state").ShouldBe("Sent");
        cut.Find("[data-testid=read-only-notice]");
        cut.WaitForAssertion(() => cut.Find("[data-testid=team-history-chart] [data-testid=chart-day]"));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=timeline-entry]").Select(e => e.GetAttribute("data-kind"))
            .ShouldBe(["Check", "Email", "EpisodeStarted", "StatusChanged", "Check", "Check", "Check", "Check", "Check", "Check", "Check", "Check", "Connected"]));
        cut.Find("[data-testid=timeline-actor]").TextContent.ShouldContain(TestCallers.TeamAdmin.DisplayName);
        cut.Find("[data-testid=timeline-reason]").TextContent
            .ShouldBe(ConnectionWords.For(CultureInfo.GetCultureInfo("zh-TW")).Unchecked(InconclusiveReason.TimedOut, null, null));
    }

    [Fact]
    public async Task Render_EpisodeThatJoinedAnEarlierEmail_SaysNoEmailOfItsOwn()
    {
        DateTimeOffset emailAt;
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            // Announced by another run's e-mail: the episode joined a failure the team was already told about.
            await db.OutboxEmails.Where(e => e.Id == IntegrationData.EmailId).ExecuteUpdateAsync(s => s.SetProperty(e => e.RunId, Guid.NewGuid()));
            var email = await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == IntegrationData.EmailId);
            emailAt = email.SentAt ?? email.CreatedAt;
        }
        SignInAs(TestCallers.Support);

        var cut = Render<IntegrationDetailPage>(p => p.Add(x => x.ConnectionId, IntegrationData.FailingId));

        cut.WaitForAssertion(() => cut.Find("[data-kind=EpisodeStarted] [data-testid=timeline-joined]").TextContent
            .ShouldBe(ConnectionWords.For(CultureInfo.GetCultureInfo("zh-TW")).JoinedEarlierEmail(LocalTimeFormat.Default.DateAndTime(emailAt))));
        cut.FindAll("[data-testid=timeline-joined]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Render_BackfillEndsWhileOpen_TimelineTellsItWithoutAReload()
    {
        SignInAs(TestCallers.Support);
        var cut = Render<IntegrationDetailPage>(p => p.Add(x => x.ConnectionId, IntegrationData.FailingId));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=timeline-entry]").ShouldNotBeEmpty());
        cut.FindAll("[data-testid=timeline-gap]").ShouldBeEmpty();
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            db.EventGaps.Add(new Omnichat.Core.Backfill.EventGap
            {
                ConnectionId = IntegrationData.FailingId, TeamId = TestCallers.DemoShopId, PageId = IntegrationData.FailingPageId,
                Cause = Omnichat.Core.Backfill.GapCause.SupportRequest, StartedAt = IntegrationData.Now.AddHours(-2), EndedAt = IntegrationData.Now.AddMinutes(-5),
                DetectedAt = IntegrationData.Now.AddMinutes(-5), BackfillEndedAt = IntegrationData.Now.AddMinutes(-4),
                Backfill = Omnichat.Core.Backfill.BackfillState.Done, Recovered = 3,
            });
            await db.SaveChangesAsync();
        }

        // What the back-fill runner sends when it ends, for the connection's team (support staff belong to none).
        await Context.Services.GetRequiredService<ChannelChangeNotifier>().NotifyAsync(TestCallers.DemoShopId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=timeline-gap]").TextContent.ShouldContain("補回 3 則訊息"));
    }

    [Fact]
    public void TogglePassedChecks_Off_HidesThem()
    {
        SignInAs(TestCallers.Support);
        var cut = Render<IntegrationDetailPage>(p => p.Add(x => x.ConnectionId, IntegrationData.FailingId));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=timeline-entry]").Count.ShouldBe(13));

        cut.Find("[data-testid=show-passed] input").Change(false);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=timeline-entry]").Count.ShouldBe(6));
    }

    [Fact]
    public void Render_TeamAdminOwnConnection_ShowsItWithoutTheSupportNotice()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<ConnectionDetailPage>(p => p.Add(x => x.ConnectionId, IntegrationData.FailingId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=detail-page-name]").TextContent.ShouldBe(IntegrationData.FailingPage));
        cut.FindAll("[data-testid=read-only-notice]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_TeamAdminAnotherTeamsConnection_IsNotFound()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<ConnectionDetailPage>(p => p.Add(x => x.ConnectionId, IntegrationData.OtherFailingId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=detail-not-found]").TextContent.ShouldBe("找不到此串接，或你沒有權限查看。"));
        cut.Markup.ShouldNotContain(IntegrationData.OtherPage);
    }
}
