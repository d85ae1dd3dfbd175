using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Core.Notifications;
using Omnichat.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Omnichat.Core.Operations;

/// <summary>
/// What /healthz answers: can the database take a write, is webhook intake refusing events, is an e-mail stuck past its
/// retry schedule, has the scheduled check stopped. Each probe is bounded, so a locked database answers in seconds.
/// </summary>
public sealed class ConsoleHealthCheck(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    CheckScheduleWatch schedule,
    WebhookIntakeHealth intake,
    KeyEncryptionStatus keys,
    IOptions<EmailOptions> email,
    IServiceProvider services,
    TimeProvider clock)
{
    public const string ProbeKey = "health:write-probe";
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan IntakeRefusalWindow = TimeSpan.FromMinutes(1);
    public const string UnencryptedKeysWarning =
        "Data Protection keys are stored unencrypted: a copy of the database can decrypt the Facebook tokens (set DataProtection:CertificatePath).";

    public async Task<ConsoleHealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken);
        var probes = new List<HealthProbe> { database, Intake() };
        // With the database gone the others cannot be read; say only what is known.
        if (database.Ok)
        {
            probes.Add(await OutboxAsync(cancellationToken));
            probes.Add(await ScheduleAsync(cancellationToken));
            probes.Add(await BacklogAsync(cancellationToken));
        }
        string[] warnings = keys.NeedsAttention ? [UnencryptedKeysWarning] : [];
        return new ConsoleHealthReport(probes, warnings);
    }

    private async Task<HealthProbe> DatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            // SQLite's "async" calls run synchronously on the caller, so the bound only holds on a thread of its own.
            await Task.Run(() => WriteProbeAsync(cancellationToken), cancellationToken).WaitAsync(ProbeTimeout, cancellationToken);
            return new HealthProbe("database", true, "writable");
        }
        catch (TimeoutException)
        {
            return new HealthProbe("database", false, $"a write did not finish within {ProbeTimeout.TotalSeconds:0} s (locked or overloaded)");
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return new HealthProbe("database", false, $"cannot write: {ex.GetBaseException().Message}");
        }
    }

    private async Task WriteProbeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().ToString("O");
        var updated = await db.ConsoleSettings.Where(s => s.Key == ProbeKey)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Value, now), cancellationToken);
        if (updated == 0)
        {
            db.ConsoleSettings.Add(new ConsoleSetting { Key = ProbeKey, Value = now });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private HealthProbe Intake() => intake.LastRefusalAt is { } at && clock.GetUtcNow() - at < IntakeRefusalWindow
        ? new HealthProbe("webhookIntake", false, $"refused a webhook at {at:u} (answered 503 so Meta retries)")
        : new HealthProbe("webhookIntake", true, "accepting");

    private async Task<HealthProbe> OutboxAsync(CancellationToken cancellationToken)
    {
        // A due e-mail waits at most one dispatch interval before an attempt (one in progress is pushed past now by its
        // lease); due for twice that, or a minute, and sending has stopped.
        var slack = TimeSpan.FromSeconds(Math.Max(2 * email.Value.DispatchIntervalSeconds, 60));
        var limit = clock.GetUtcNow() - slack;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var oldest = await db.OutboxEmails.Where(e => e.State == EmailState.Pending && e.NextAttemptAt < limit)
            .OrderBy(e => e.NextAttemptAt).Select(e => (DateTimeOffset?)e.NextAttemptAt).FirstOrDefaultAsync(cancellationToken);
        return oldest is { } due
            ? new HealthProbe("outbox", false, $"an e-mail due at {due:u} has not been attempted")
            : new HealthProbe("outbox", true, "sending");
    }

    private async Task<HealthProbe> ScheduleAsync(CancellationToken cancellationToken)
    {
        var state = await schedule.ReadAsync(cancellationToken);
        if (!state.SchedulerEnabled)
        {
            return new HealthProbe("integrationCheck", true, "scheduler off in this instance");
        }
        var node = await SchedulerNodeAsync(cancellationToken);
        return state.IsOverdue
            ? new HealthProbe("integrationCheck", false,
                $"overdue since {state.OverdueSince:u}: no scheduled check completed since {state.LastCompletedAt?.ToString("u") ?? "this console started"} (schedule {state.Schedule}; {node})")
            : new HealthProbe("integrationCheck", true, (state.LastCompletedAt is { } last ? $"last completed {last:u}" : "waiting for the first run") + $"; {node}");
    }

    /// <summary>Which scheduler this instance is: an operator with several instances needs to tell them apart.</summary>
    private async Task<string> SchedulerNodeAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            return "no scheduler";
        }
        var scheduler = await factory.GetScheduler(cancellationToken);
        var metadata = await scheduler.GetMetadata(cancellationToken);
        return $"{(metadata.JobStoreClustered ? "clustered" : "not clustered")}, instance {metadata.SchedulerInstanceId}";
    }

    /// <summary>Work stored and not done yet: a number that keeps growing means processing has stopped somewhere.</summary>
    private async Task<HealthProbe> BacklogAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deliveries = await db.WebhookDeliveries.CountAsync(d => d.State == WebhookDeliveryState.Received, cancellationToken);
        var emails = await db.OutboxEmails.CountAsync(e => e.State == EmailState.Pending, cancellationToken);
        return new HealthProbe("backlog", true, $"webhook deliveries waiting: {deliveries}; e-mails waiting: {emails}");
    }
}
