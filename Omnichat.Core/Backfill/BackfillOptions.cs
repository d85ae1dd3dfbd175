namespace Omnichat.Core.Backfill;

/// <summary>Section "Backfill": how gaps are found and read back through the Conversations API.</summary>
public sealed class BackfillOptions
{
    public const string SectionName = "Backfill";

    /// <summary>False: gaps are still recorded, nothing reads them back (tests of the recording alone).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often the worker looks for closed gaps; closing one also wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Time between two Conversations API calls for one page. Meta allows 2 per second (§17); 550 ms keeps a margin for
    /// calls that reach Facebook a little earlier or later than they were sent.
    /// </summary>
    public TimeSpan CallInterval { get; set; } = TimeSpan.FromMilliseconds(550);
    /// <summary>The first wait after a rate-limit answer (80006, 613, 4, 17, 32); each next one doubles, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Rate-limit answers in a row after which one call gives up (the back-fill records why and stops).</summary>
    public int MaxRateLimitRetries { get; set; } = 8;
    /// <summary>A worker holds a back-fill this long; one that crashed is taken over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Pages read at the same time; each keeps to its own 2 calls per second.</summary>
    public int ParallelPages { get; set; } = 10;
    /// <summary>The console writes a heartbeat this often, so the next start knows how long it was down.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// A start this long after the last heartbeat or accepted webhook records a gap for every live connection. Meta
    /// retries failed webhooks for a while, so a short restart loses nothing.
    /// </summary>
    public TimeSpan DowntimeThreshold { get; set; } = TimeSpan.FromMinutes(5);
}
