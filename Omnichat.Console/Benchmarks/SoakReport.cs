namespace Omnichat.Console.Benchmarks;

/// <summary>The soak's samples and what retention keeps of the database it left.</summary>
public sealed record SoakReport(SoakOptions Options, IReadOnlyList<SoakSample> Samples, SoakRetention Retention)
{
    /// <summary>The sample taken when the warm-up ended (the timer's tick, give or take a few milliseconds): growth is measured from here.</summary>
    public SoakSample AfterWarmUp => Samples.FirstOrDefault(s => s.Elapsed >= Options.WarmUp - Options.SampleEvery / 2) ?? Samples[^1];

    public SoakSample Last => Samples[^1];

    public long WorkingSetGrowth => Last.WorkingSet - AfterWarmUp.WorkingSet;

    public long LiveHeapGrowth => Last.LiveHeap - AfterWarmUp.LiveHeap;

    public bool TargetMet => WorkingSetGrowth < SoakOptions.TargetGrowthBytes && LiveHeapGrowth < SoakOptions.TargetGrowthBytes;
}

/// <summary>
/// The daily retention pass run once at the end with its clock past every horizon: what it rolled up and removed, and
/// the data the database still holds (pages in use; SQLite reuses freed pages rather than shrinking the file).
/// </summary>
public sealed record SoakRetention(long LiveBytesBefore, long LiveBytesAfter, int PassedChecksRolledUp, int WebhookBodiesRemoved);
