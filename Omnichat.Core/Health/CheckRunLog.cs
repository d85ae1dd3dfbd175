using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;

namespace Omnichat.Core.Health;

/// <summary>Completed scheduled runs, written by the job and read by the overdue watch; shared by every instance.</summary>
public sealed class CheckRunLog(IDbContextFactory<OmnichatDbContext> dbFactory, TimeProvider clock)
{
    private int runningHere;

    /// <summary>A scheduled run executes in this process now: its trigger is not stuck, whatever the store says.</summary>
    public bool IsRunningHere => Volatile.Read(ref runningHere) > 0;

    /// <summary>Marks a run as executing in this process until the returned scope is disposed.</summary>
    public IDisposable Running()
    {
        Interlocked.Increment(ref runningHere);
        return new RunScope(this);
    }

    public async Task RecordAsync(CheckRunSummary summary, DateTimeOffset startedAt, string instance, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.CheckRuns.Add(new CheckRun
        {
            Id = summary.RunId,
            StartedAt = startedAt,
            CompletedAt = clock.GetUtcNow(),
            Connections = summary.Checked,
            Passed = summary.Passed,
            Failed = summary.Failed,
            Inconclusive = summary.Inconclusive,
            Repaired = summary.Repaired,
            GraphRequests = summary.GraphRequests,
            Instance = instance,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> LastCompletedAtAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CheckRuns.OrderByDescending(r => r.CompletedAt).Select(r => (DateTimeOffset?)r.CompletedAt).FirstOrDefaultAsync(cancellationToken);
    }

    private sealed class RunScope(CheckRunLog log) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref log.runningHere);
            }
        }
    }
}
