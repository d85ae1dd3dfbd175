using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Channels;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Notifications.Support;

namespace Omnichat.Tests.Notifications;

/// <summary>The real console with its real dispatcher, sending to an SMTP server on loopback.</summary>
public sealed class OutboxDispatcherSmtpTests : IAsyncLifetime
{
    private readonly SmtpTestServer smtp = new();
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private ConsoleServer server = default!;
    private Outbox outbox = default!;

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync(s => s
            .With("Email:Smtp:Host", "127.0.0.1")
            .With("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Email:From", "Omnichat <alerts@omnichat.test>")
            .With("Console:PublicUrl", "https://console.omnichat.test")
            // The hosted dispatcher only wakes on a signal during these tests; the tests drive their own dispatchers.
            .With("Email:DispatchIntervalSeconds", "3600"));
        outbox = new Outbox(server);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await smtp.DisposeAsync();
    }

    private OutboxDispatcher Dispatcher() => ActivatorUtilities.CreateInstance<OutboxDispatcher>(server.Services, time);

    [Fact]
    public async Task DispatchDue_PendingChineseTeam_DeliversOneMessageToAdminsAndExtraAddresses()
    {
        await smtp.StartAsync();
        await outbox.UpdateTeamAsync(DemoAccounts.DemoShop, t => t.NotificationEmails = "ops@demo.local, ADMIN@demo.local,owner@shop.test");
        var id = await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow());

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        var mail = smtp.Messages.ShouldHaveSingleItem();
        mail.EnvelopeRecipients.ShouldBe(["admin@demo.local", "admin2@demo.local", "ops@demo.local", "owner@shop.test"], ignoreOrder: true);
        mail.Message.Subject.ShouldBe("[Omnichat] Facebook 專頁串接失效：Demo Shop 台北店");
        mail.Message.From.Mailboxes.Single().Address.ShouldBe("alerts@omnichat.test");
        mail.Message.TextBody!.ShouldContain("需要重新授權");
        mail.Message.TextBody!.ShouldContain("更改了密碼");
        mail.Message.TextBody!.ShouldContain("https://console.omnichat.test/channels/facebook");
        mail.Message.HtmlBody!.ShouldContain("href=\"https://console.omnichat.test/channels/facebook\"");
        mail.Message.HtmlBody!.ShouldContain("唯一的一封提醒信");
        var row = await outbox.GetAsync(id);
        row.State.ShouldBe(EmailState.Sent);
        row.Attempts.ShouldBe(1);
        row.SentAt.ShouldBe(time.GetUtcNow());
        row.Subject.ShouldBe(mail.Message.Subject);
        row.Recipients!.Split(',').ShouldBe(["admin@demo.local", "admin2@demo.local", "ops@demo.local", "owner@shop.test"], ignoreOrder: true);
    }

    [Fact]
    public async Task DispatchDue_EnglishTeam_WritesInEnglish()
    {
        await smtp.StartAsync();
        await outbox.UpdateTeamAsync(DemoAccounts.OtherShop, t => t.Culture = TeamCultures.English);
        await outbox.EnqueueAsync(DemoAccounts.OtherShop, time.GetUtcNow(), EmailState.Pending, Outbox.Taipei, Outbox.Receiver);

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        var mail = smtp.Messages.ShouldHaveSingleItem();
        mail.EnvelopeRecipients.ShouldBe(["admin@other.local"]);
        mail.Message.Subject.ShouldBe("[Omnichat] Facebook Page connection failed: Demo Shop 台北店 and 1 more");
        mail.Message.TextBody!.ShouldContain("Needs reauthorization");
        mail.Message.TextBody!.ShouldContain("Not the Messenger receiver");
        mail.Message.TextBody!.ShouldContain("This is the only reminder for this failure");
        mail.Message.TextBody!.ShouldNotContain("重新授權");
    }

    [Fact]
    public async Task DispatchDue_SuppressedRow_SendsNothing()
    {
        await smtp.StartAsync();
        var id = await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow(), EmailState.Suppressed);

        var claimed = await Dispatcher().DispatchDueAsync(CancellationToken.None);

        claimed.ShouldBe(0);
        smtp.Messages.ShouldBeEmpty();
        var row = await outbox.GetAsync(id);
        row.State.ShouldBe(EmailState.Suppressed);
        row.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task DispatchDue_PlanEndedAfterEnqueue_MarksSuppressedAndSendsNothing()
    {
        await smtp.StartAsync();
        var id = await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow());
        await outbox.UpdateTeamAsync(DemoAccounts.DemoShop, t => t.PlanEndsOn = TeamPlan.Today(time.GetUtcNow()).AddDays(-1));

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        smtp.Messages.ShouldBeEmpty();
        (await outbox.GetAsync(id)).State.ShouldBe(EmailState.Suppressed);
    }

    [Fact]
    public async Task DispatchDue_PlanEndsToday_StillSends()
    {
        await smtp.StartAsync();
        await outbox.UpdateTeamAsync(DemoAccounts.DemoShop, t => t.PlanEndsOn = TeamPlan.Today(time.GetUtcNow()));
        await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow());

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DispatchDue_SmtpDownThenUp_RetriesAfterBackoffAndDeliversOnce()
    {
        var id = await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow());
        var dispatcher = Dispatcher();

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var failed = await outbox.GetAsync(id);
        failed.State.ShouldBe(EmailState.Pending);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNullOrWhiteSpace();
        failed.NextAttemptAt.ShouldBe(time.GetUtcNow() + OutboxDispatcher.FirstRetryDelay);

        await smtp.StartAsync();
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        smtp.Messages.ShouldBeEmpty("the retry is not due yet");

        time.Advance(OutboxDispatcher.FirstRetryDelay);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        smtp.Messages.Count.ShouldBe(1);
        var sent = await outbox.GetAsync(id);
        sent.State.ShouldBe(EmailState.Sent);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task DispatchDue_TwoDispatchersRacing_DeliverEachRowOnce()
    {
        await smtp.StartAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow()));
        }

        var counts = await Task.WhenAll(
            Task.Run(() => Dispatcher().DispatchDueAsync(CancellationToken.None)),
            Task.Run(() => Dispatcher().DispatchDueAsync(CancellationToken.None)));

        counts.Sum().ShouldBe(6);
        smtp.Messages.Count.ShouldBe(6);
        smtp.Messages.Select(m => m.Message.MessageId).Distinct().Count().ShouldBe(6);
        foreach (var id in ids)
        {
            var row = await outbox.GetAsync(id);
            row.State.ShouldBe(EmailState.Sent);
            row.Attempts.ShouldBe(1);
        }
    }

    [Fact]
    public async Task DispatchDue_MoreThanOneBatchDue_SendsEveryOneInOnePass_LongestWaitingFirst()
    {
        // A Facebook outage breaks many teams at once: all their reminders go out now, not one batch per interval.
        await smtp.StartAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add(await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow() - TimeSpan.FromSeconds(i)));
        }

        var claimed = await Dispatcher().DispatchDueAsync(CancellationToken.None);

        claimed.ShouldBe(25);
        smtp.Messages.Select(m => m.Message.MessageId).ShouldBe(ids.AsEnumerable().Reverse().Select(id => $"{id:N}@omnichat.test"));
    }

    [Fact]
    public async Task DispatchDue_PayloadItCannotRead_GivesUpAtOnceAndSaysWhy()
    {
        // Retrying cannot make it readable; support sees the reason on the first attempt instead of hours later.
        await smtp.StartAsync();
        var id = await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow());
        await outbox.UpdateAsync(id, e => e.Payload = "{\"pages\":");

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        smtp.Messages.ShouldBeEmpty();
        var row = await outbox.GetAsync(id);
        (row.State, row.Attempts).ShouldBe((EmailState.Failed, 1));
        HistoryNote.Parse(row.LastError).ShouldNotBeNull().Kind.ShouldBe(HistoryNoteKind.EmailUnreadable);
    }

    [Fact]
    public async Task DispatchDue_TeamWithoutRecipients_MarksFailedWithReason()
    {
        await smtp.StartAsync();
        await outbox.AddTeamAsync("Empty Shop");
        var id = await outbox.EnqueueAsync("Empty Shop", time.GetUtcNow());

        await Dispatcher().DispatchDueAsync(CancellationToken.None);

        smtp.Messages.ShouldBeEmpty();
        var row = await outbox.GetAsync(id);
        row.State.ShouldBe(EmailState.Failed);
        row.LastError.ShouldBe(HistoryNote.EmailNoRecipients);
    }

    [Fact]
    public async Task Notify_HostedDispatcher_SendsWithoutWaitingForTheInterval()
    {
        await smtp.StartAsync();
        await outbox.EnqueueAsync(DemoAccounts.DemoShop, DateTimeOffset.UtcNow);

        server.Services.GetRequiredService<OutboxSignal>().Notify();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (smtp.Messages.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DispatchDue_ServerHangsAfterTheMessage_GivesTheAttemptUpAtHalfTheLeaseAndRetriesLater()
    {
        await smtp.StartAsync();
        var id = await outbox.EnqueueAsync(DemoAccounts.DemoShop, time.GetUtcNow());
        smtp.HoldNext();

        var dispatch = Dispatcher().DispatchDueAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => smtp.Held.Count == 1, TimeSpan.FromSeconds(10), "the server holds the message");
        var claimedAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(59));
        (await outbox.GetAsync(id)).LastError.ShouldBeNull("still within half of the 2-minute lease");
        time.Advance(TimeSpan.FromSeconds(2));
        await dispatch.WaitAsync(TimeSpan.FromSeconds(10));
        smtp.RefuseHeld();

        var row = await outbox.GetAsync(id);
        row.State.ShouldBe(EmailState.Pending);
        row.Attempts.ShouldBe(1);
        row.LastError.ShouldBe(HistoryNote.EmailTimedOut(TimeSpan.FromSeconds(60)));
        row.NextAttemptAt.ShouldBe(time.GetUtcNow() + OutboxDispatcher.FirstRetryDelay,
            "retried on the normal schedule, well before the claim of " + claimedAt + " would have run out");
        smtp.Messages.ShouldBeEmpty();
    }
}
