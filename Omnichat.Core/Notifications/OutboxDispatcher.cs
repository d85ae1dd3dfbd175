using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Notifications.Sending;
using Omnichat.Core.Notifications.Templates;
using Omnichat.Core.Teams;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Notifications;

/// <summary>
/// Sends what the outbox holds. Every few seconds, and at once when <see cref="OutboxSignal"/> is notified, it claims
/// due Pending rows one at a time with a conditional UPDATE (a lease), so two dispatchers or a restart never send a
/// row that is being sent; then writes, addresses and sends the e-mail and records the result on the row. A claim
/// lasts <see cref="EmailOptions.Lease"/> and a send is cut off at half of it, so only a dead sender's rows come back.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    IMailSender sender,
    ConnectionFailureComposer composer,
    RecipientResolver recipientResolver,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider timeProvider,
    OmnichatMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(15);
    private const int BatchSize = 20;
    private const int MaxErrorLength = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds);
        logger.LogInformation("Outbox dispatcher started; sending with {Sender} every {Interval}", sender.GetType().Name, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wait first: start-up stays quick, and rows left by a previous run are only an interval late.
                await signal.WaitAsync(interval, stoppingToken);
                await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A database hiccup must not stop reminders for good; the next tick tries again.
                logger.LogError(ex, "Outbox dispatch failed; trying again in {Interval}", interval);
            }
        }
    }

    /// <summary>Sends every e-mail that is due now; returns how many this call claimed (sent, retried or given up).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var claimedTotal = 0;
        while (true)
        {
            var now = timeProvider.GetUtcNow();
            List<DueEmail> due;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                due = await db.OutboxEmails.AsNoTracking()
                    .Where(e => e.State == EmailState.Pending && e.NextAttemptAt <= now)
                    .OrderBy(e => e.NextAttemptAt)
                    .Take(BatchSize)
                    .Select(e => new DueEmail(e.Id, e.Attempts, e.NextAttemptAt))
                    .ToListAsync(cancellationToken);
            }
            var claimed = 0;
            foreach (var candidate in due)
            {
                if (await TryClaimAsync(candidate, now, cancellationToken) is { } email)
                {
                    claimed++;
                    using var activity = OmnichatTracing.StartEmailDispatch(email.Id);
                    await ProcessAsync(email, cancellationToken);
                }
            }
            claimedTotal += claimed;
            // A full batch may hide more due rows behind it; a batch lost to another dispatcher leaves them to it.
            if (due.Count < BatchSize || claimed == 0)
            {
                return claimedTotal;
            }
        }
    }

    private async Task<OutboxEmail?> TryClaimAsync(DueEmail candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Counting the attempt and pushing NextAttemptAt past the lease in one conditional UPDATE: only one
        // dispatcher sees its row count be 1; the others see 0 and move on.
        var updated = await db.OutboxEmails
            .Where(e => e.Id == candidate.Id && e.State == EmailState.Pending
                && e.Attempts == candidate.Attempts && e.NextAttemptAt == candidate.NextAttemptAt)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Attempts, candidate.Attempts + 1)
                .SetProperty(e => e.NextAttemptAt, now + options.Value.Lease), cancellationToken);
        return updated == 1
            ? await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == candidate.Id, cancellationToken)
            : null;
    }

    private async Task ProcessAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        Team? team;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == email.TeamId, cancellationToken);
        }
        var now = timeProvider.GetUtcNow();
        if (team is null)
        {
            await GiveUpAsync(email, HistoryNote.EmailTeamGone, cancellationToken);
            return;
        }
        if (TeamPlan.HasEnded(team, now))
        {
            // The plan ended after the checker queued this: the help page promises ended plans get no e-mail.
            var ended = HistoryNote.EmailPlanEnded(team.PlanEndsOn!.Value);
            await FinishAsync(email, EmailState.Suppressed, s => s.SetProperty(e => e.LastError, ended), cancellationToken);
            logger.LogInformation("Suppressed e-mail {EmailId} for team {TeamId}: the plan has ended", email.Id, email.TeamId);
            return;
        }

        ComposedEmail composed;
        IReadOnlyList<string> recipients;
        try
        {
            composed = email.Kind switch
            {
                EmailKind.ConnectionFailure => await composer.ComposeAsync(
                    team, OutboxPayloadJson.DeserializeConnectionFailure(email.Payload), cancellationToken),
                _ => throw new JsonException($"No template for e-mail kind {email.Kind}."),
            };
            recipients = await recipientResolver.ResolveAsync(team, cancellationToken);
        }
        catch (JsonException ex)
        {
            // A payload we cannot read stays unreadable; retrying would only delay telling support.
            await GiveUpAsync(email, HistoryNote.EmailUnreadable(ex.Message), cancellationToken);
            return;
        }
        var addresses = recipients.Select(r => MailboxAddress.TryParse(r, out var address) ? address : null).OfType<MailboxAddress>().ToList();
        if (addresses.Count == 0)
        {
            await GiveUpAsync(email, HistoryNote.EmailNoRecipients, cancellationToken);
            return;
        }

        using (var timeout = new CancellationTokenSource(options.Value.SendTimeout, timeProvider))
        using (var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                await sender.SendAsync(BuildMessage(email, composed, addresses, now), sendTimeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await RetryOrGiveUpAsync(email, HistoryNote.EmailTimedOut(options.Value.SendTimeout), cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Transport errors only (SMTP replies, sockets, files): they carry no token, and support needs the reason.
                await RetryOrGiveUpAsync(email, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
                return;
            }
        }
        var sentTo = string.Join(",", addresses.Select(a => a.Address));
        await FinishAsync(email, EmailState.Sent, s => s
            .SetProperty(e => e.SentAt, now)
            .SetProperty(e => e.Recipients, sentTo)
            .SetProperty(e => e.Subject, composed.Subject)
            .SetProperty(e => e.LastError, (string?)null), cancellationToken);
        logger.LogInformation("Sent e-mail {EmailId} ({Kind}) for team {TeamId} to {RecipientCount} recipients on attempt {Attempt}",
            email.Id, email.Kind, email.TeamId, addresses.Count, email.Attempts);
    }

    private MimeMessage BuildMessage(OutboxEmail email, ComposedEmail composed, IReadOnlyList<MailboxAddress> to, DateTimeOffset now)
    {
        var from = string.IsNullOrWhiteSpace(options.Value.From)
            ? new MailboxAddress("Omnichat", "omnichat@localhost")
            : MailboxAddress.Parse(options.Value.From);
        var message = new MimeMessage { Subject = composed.Subject, Date = now };
        message.From.Add(from);
        message.To.AddRange(to);
        // The same id on every attempt, so a retry after a lost server reply is recognisable as the same message.
        message.MessageId = $"{email.Id:N}@{(from.Domain.Length > 0 ? from.Domain : "omnichat.local")}";
        message.Body = new BodyBuilder { HtmlBody = composed.Html, TextBody = composed.Text }.ToMessageBody();
        return message;
    }

    private async Task RetryOrGiveUpAsync(OutboxEmail email, string reason, CancellationToken cancellationToken)
    {
        var error = Truncate(reason);
        if (email.Attempts >= options.Value.MaxAttempts)
        {
            await GiveUpAsync(email, error, cancellationToken);
            return;
        }
        var next = timeProvider.GetUtcNow() + RetryDelay(email.Attempts);
        await FinishAsync(email, EmailState.Pending, s => s
            .SetProperty(e => e.NextAttemptAt, next)
            .SetProperty(e => e.LastError, error), cancellationToken);
        logger.LogWarning("Could not send e-mail {EmailId} for team {TeamId} (attempt {Attempt}); retrying at {NextAttemptAt}: {Error}",
            email.Id, email.TeamId, email.Attempts, next, error);
    }

    private async Task GiveUpAsync(OutboxEmail email, string error, CancellationToken cancellationToken)
    {
        await FinishAsync(email, EmailState.Failed, s => s.SetProperty(e => e.LastError, Truncate(error)), cancellationToken);
        logger.LogError("Gave up on e-mail {EmailId} for team {TeamId} after {Attempts} attempts: {Error}",
            email.Id, email.TeamId, email.Attempts, error);
    }

    /// <summary>Records the outcome, only while this dispatcher's claim still holds (same attempt, still Pending).</summary>
    private async Task FinishAsync(
        OutboxEmail email,
        EmailState state,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxEmail>> setters,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.OutboxEmails
            .Where(e => e.Id == email.Id && e.State == EmailState.Pending && e.Attempts == email.Attempts)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(e => e.State, state);
                setters(s);
            }, cancellationToken);
        metrics.EmailFinished(state);
    }

    /// <summary>30 s, 1 min, 2 min, ... doubling up to 15 min: an SMTP outage is ridden out without hammering the server.</summary>
    public static TimeSpan RetryDelay(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 10);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    private sealed record DueEmail(Guid Id, int Attempts, DateTimeOffset NextAttemptAt);
}
