namespace Omnichat.Core.Health;

/// <summary>One completed run of the scheduled check: proof that the schedule is alive, and what the run found.</summary>
public sealed class CheckRun
{
    public Guid Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
    public int Connections { get; set; }
    public int Passed { get; set; }
    public int Failed { get; set; }
    public int Inconclusive { get; set; }
    public int Repaired { get; set; }
    public int GraphRequests { get; set; }
    /// <summary>The Quartz scheduler instance that ran it, so a run can be traced to a console process.</summary>
    public string Instance { get; set; } = "";
}
