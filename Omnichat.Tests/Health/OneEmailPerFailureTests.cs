using Microsoft.EntityFrameworkCore;
using MimeKit;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Notifications;
using Omnichat.Core.Resources;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Health;

/// <summary>
/// The help page's 「失效後只會寄出一封提醒信」 when Facebook answers some batches and not others: one password change found
/// on a few pages per run is one e-mail, the banner lists every page, and only an unrelated failure is a second e-mail.
/// Every wait is on recorded check runs and outbox rows, never on the clock.
/// </summary>
public sealed class OneEmailPerFailureTests : FlowTest
{
    private const int MaxRuns = 60;
    private static readonly string[] DanaPages = Enumerable.Range(1, 12).Select(DemoWorld.ShopPageId).ToArray();
    private Caller admin = default!;

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, DanaPages)).ShouldAllBe(r => r.Succeeded);
        // Sam also runs 台北店; left out of his consent, so Dana's pages have no backup and her password change fails them.
        await Driver.ConsentAsync(admin, DemoWorld.SamId, new[] { DemoWorld.SamPage1Id });
        (await Driver.ConnectAsync(admin, DemoWorld.SamPage1Id)).ShouldAllBe(r => r.Succeeded);
    }

    [Fact]
    public async Task PasswordChange_FoundPageByPageUnderTransientErrors_OneEmailNamingTheFirstPages_BannerNamesAllTwelve()
    {
        await Driver.Sandbox.PutAsync("faults", new { latencyMs = 0, transientErrorRate = 0.3, rateLimited = false });
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        var runs = await CheckUntilAsync(async () => (await FailingAsync()).Count == DanaPages.Length);
        await Driver.Sandbox.PutAsync("faults", new { latencyMs = 0, transientErrorRate = 0.0, rateLimited = false });
        await CheckAsync();

        var failing = await FailingAsync();
        failing.Select(f => f.PageId).ShouldBe(DanaPages, ignoreOrder: true, $"after {runs} runs");
        var email = (await SentEmailsAsync()).ShouldHaveSingleItem();
        await using var db = await DbAsync();
        var episodes = await db.FailureEpisodes.AsNoTracking().ToListAsync();
        episodes.Count.ShouldBe(DanaPages.Length);
        episodes.ShouldAllBe(e => e.EmailId == email.Id);
        var firstFound = episodes.Where(e => e.RunId == email.RunId).Select(e => e.ConnectionId).ToHashSet();
        var payload = OutboxPayloadJson.DeserializeConnectionFailure(email.Payload);
        payload.Pages.Select(p => p.ConnectionId).ShouldBe(firstFound, ignoreOrder: true);
        var text = (await MimeMessage.LoadAsync(EmlFiles().ShouldHaveSingleItem())).TextBody!;
        foreach (var page in payload.Pages)
        {
            text.ShouldContain(page.PageName);
            // Since when, as the support list shows it: the start of the page's failure episode, on the team's clock.
            var since = episodes.Single(e => e.ConnectionId == page.ConnectionId).StartedAt;
            page.FailingSince.ShouldBe(since);
            text.ShouldContain(LocalTimeFormat.Default.DateAndTimeWithZone(since));
        }
        text.ShouldNotContain("UTC");
        text.ShouldContain(EmailWords.For("zh-TW")[nameof(EmailStrings.LaterPages)]);
    }

    [Fact]
    public async Task SamePasswordChange_FoundInALaterRun_JoinsTheFirstEmail_AndTheTimelineSaysSo()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        var taipei = await ConnectionIdAsync(DanaPages[0]);
        var taichung = await ConnectionIdAsync(DanaPages[1]);

        (await CheckAsync(CheckScope.Connection(taipei))).EpisodesStarted.ShouldBe(1);
        var second = await CheckAsync();

        second.EpisodesStarted.ShouldBe(DanaPages.Length - 1);
        var email = (await SentEmailsAsync()).ShouldHaveSingleItem();
        OutboxPayloadJson.DeserializeConnectionFailure(email.Payload).Pages.ShouldHaveSingleItem().ConnectionId.ShouldBe(taipei);
        EmlFiles().ShouldHaveSingleItem();
        var timeline = await Driver.Service<IntegrationStatusService>().GetTimelineAsync(admin, taichung, null, 50, false, CancellationToken.None);
        var started = timeline!.Entries.Where(e => e.Kind == TimelineKind.EpisodeStarted).ShouldHaveSingleItem();
        started.JoinedEmailAt.ShouldBe(email.SentAt);
        timeline.Entries.ShouldContain(e => e.Kind == TimelineKind.Email && e.Email!.Id == email.Id);
        var own = await Driver.Service<IntegrationStatusService>().GetTimelineAsync(admin, taipei, null, 50, false, CancellationToken.None);
        own!.Entries.Single(e => e.Kind == TimelineKind.EpisodeStarted).JoinedEmailAt.ShouldBeNull();
    }

    [Fact]
    public async Task AnotherPersonsPasswordChange_WhileTheFirstIsStillOpen_GetsItsOwnEmail()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();
        (await SentEmailsAsync()).Count.ShouldBe(1);

        await Driver.Sandbox.PostAsync($"users/{DemoWorld.SamId}/password-change");
        (await CheckAsync()).EpisodesStarted.ShouldBe(1);

        var emails = await SentEmailsAsync();
        emails.Count.ShouldBe(2);
        OutboxPayloadJson.DeserializeConnectionFailure(emails[1].Payload).Pages.ShouldHaveSingleItem().PageId.ShouldBe(DemoWorld.SamPage1Id);
        EmlFiles().Length.ShouldBe(2);
        (await FailingAsync()).Count.ShouldBe(DanaPages.Length + 1);
    }

    [Fact]
    public async Task AnotherCause_ForTheSamePerson_WhileTheFirstIsStillOpen_GetsItsOwnEmail()
    {
        var thirteenth = DemoWorld.ShopPageId(13);
        (await Driver.ConnectAsync(admin, thirteenth)).ShouldAllBe(r => r.Succeeded);
        await Driver.Sandbox.PutAsync($"pages/{thirteenth}/roles/{DemoWorld.DanaId}", new { tasks = new[] { "MODERATE", "MESSAGING" } });
        await CheckAsync(CheckScope.Connection(await ConnectionIdAsync(thirteenth)));
        (await SentEmailsAsync()).Count.ShouldBe(1);

        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();

        var emails = await SentEmailsAsync();
        emails.Count.ShouldBe(2);
        OutboxPayloadJson.DeserializeConnectionFailure(emails[1].Payload).Pages.Select(p => p.PageId).ShouldBe(DanaPages, ignoreOrder: true);
    }

    [Fact]
    public async Task SamePasswordChangeAgain_AfterEveryPageOfTheFirstEmailRecovered_GetsANewEmail()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await CheckAsync();
        (await FailingAsync()).ShouldBeEmpty();

        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();

        var emails = await SentEmailsAsync();
        emails.Count.ShouldBe(2);
        await using var db = await DbAsync();
        (await db.FailureNotices.CountAsync(n => n.EndedAt == null)).ShouldBe(1);
        (await db.FailureNotices.SingleAsync(n => n.EndedAt != null)).EmailId.ShouldBe(emails[0].Id);
    }

    [Fact]
    public async Task SamePasswordChange_OnePageRecoveredTheOtherStillFailing_ALaterPageStillJoins()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        var taipei = await ConnectionIdAsync(DanaPages[0]);
        var taichung = await ConnectionIdAsync(DanaPages[1]);
        await CheckAsync(CheckScope.Connection(taipei));
        await CheckAsync(CheckScope.Connection(taichung));
        // Taipei is disconnected (its episode ends); Taichung still fails, so the failure the team was told about holds.
        (await Driver.DisconnectAsync(admin, taipei)).ShouldBe(DisconnectOutcome.DisconnectedTokenAlreadyInvalid);

        await CheckAsync();

        (await SentEmailsAsync()).ShouldHaveSingleItem();
    }

    private Task<CheckRunSummary> CheckAsync(CheckScope? scope = null) =>
        Driver.Service<IntegrationChecker>().CheckAsync(scope ?? CheckScope.All, null, CancellationToken.None);

    /// <summary>Checks again after each recorded run until <paramref name="done"/> holds; returns how many runs it took.</summary>
    private async Task<int> CheckUntilAsync(Func<Task<bool>> done)
    {
        for (var run = 1; run <= MaxRuns; run++)
        {
            await CheckAsync();
            if (await done())
            {
                return run;
            }
        }
        throw new ShouldAssertException($"not every page was found failing in {MaxRuns} runs");
    }

    private Task<IReadOnlyList<FailingConnection>> FailingAsync() =>
        Driver.Service<ChannelOverviewService>().GetFailingAsync(admin, CancellationToken.None);

    private async Task<OmnichatDbContext> DbAsync() =>
        await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();

    private async Task<Guid> ConnectionIdAsync(string pageId)
    {
        await using var db = await DbAsync();
        return await db.PageConnections.Where(c => c.PageId == pageId).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Every e-mail queued so far, once the outbox has sent each of them (the hosted dispatcher or this call).</summary>
    private async Task<List<OutboxEmail>> SentEmailsAsync()
    {
        var dispatcher = Driver.Service<OutboxDispatcher>();
        for (var attempt = 0; ; attempt++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            await using var db = await DbAsync();
            var emails = await db.OutboxEmails.AsNoTracking().OrderBy(e => e.CreatedAt).ToListAsync();
            if (emails.All(e => e.State == EmailState.Sent) || attempt == 100)
            {
                emails.ShouldAllBe(e => e.State == EmailState.Sent);
                return emails;
            }
            // The hosted dispatcher holds a row's lease while it writes the file: wait for it to record the result.
            await Task.Delay(50);
        }
    }

    private string[] EmlFiles() => Directory.GetFiles(Path.Combine(Server.DataFolder, "mail"), "*.eml");
}
