using System.Globalization;

namespace Omnichat.Console.Benchmarks;

/// <summary>What <c>benchmark backfill</c> prints: wall time against the 2-calls-per-second bound, what was imported, memory.</summary>
/// <param name="CallsPerPage">Listing pages of 25 plus one read per conversation: what the bound is made of.</param>
/// <param name="SandboxCalls">Conversations API calls the sandbox counted, all pages together.</param>
/// <param name="MostInOneSecond">The most calls one page made within one second, as the sandbox saw them.</param>
/// <param name="Refused">Calls the sandbox refused with 80006 (over 2 a second).</param>
/// <param name="Duplicates">Messages stored more than once (by page, conversation and text).</param>
public sealed record BackfillBenchmarkReport(
    BackfillBenchmarkOptions Options,
    string Database,
    TimeSpan SetUp,
    TimeSpan Elapsed,
    int CallsPerPage,
    int SandboxCalls,
    int MostInOneSecond,
    int Refused,
    int Imported,
    int Stored,
    int Duplicates,
    int Unrecoverable,
    int Failed,
    MemoryUse Memory)
{
    public const double MaxRatioToBound = 1.2;

    /// <summary>Meta's limit of 2 Conversations API calls a second per page; pages run at the same time, so P pages take as long as one.</summary>
    public TimeSpan Bound => TimeSpan.FromSeconds(CallsPerPage / 2.0);

    public double RatioToBound => Elapsed / Bound;

    public int Expected => Options.Pages * Options.Conversations * Options.Messages;

    public bool WithinBound => RatioToBound <= MaxRatioToBound;

    public bool AllImported => Imported == Expected && Stored == Expected && Failed == 0 && Unrecoverable == 0;

    public async Task WriteToAsync(TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(Invariant($"Back-fill benchmark: P={Options.Pages} {(Options.Pages == 1 ? "page" : "pages at once")}, C={Options.Conversations} conversations each updated in a one-hour gap, M={Options.Messages} messages each, L={Options.LatencyMs} ms per Graph HTTP request"));
        await output.WriteLineAsync(Invariant($"""
              database                 {Database}
              set-up (not measured)    {SetUp.TotalSeconds:F1} s: pages and connections as in benchmark health, the threads written straight into the sandbox's world (no webhook), one closed gap per page
              wall time                {Elapsed.TotalSeconds:F2} s, every page's BackfillRunner at once
              Conversations API calls  {SandboxCalls} received by the sandbox (expected {CallsPerPage} per page: ⌈C/25⌉ listing pages + C reads), most in one second for one page {MostInOneSecond}, refused with 80006 {Refused}
              bound 2 calls/s per page {Bound.TotalSeconds:F2} s ({CallsPerPage} calls / 2 per second); ratio to bound {RatioToBound:F2}x
              messages                 {Imported} imported (expected {Expected}), {Stored} stored, {Duplicates} duplicates, {Unrecoverable} beyond reach, {Failed} back-fills failed
              working set (process)    baseline {Mb(Memory.Baseline.WorkingSet)}, peak {Mb(Memory.Peak.WorkingSet)}
              GC heap (managed)        baseline {Mb(Memory.Baseline.GcHeap)}, peak {Mb(Memory.Peak.GcHeap)}
            Targets
              {Mark(WithinBound)} within {MaxRatioToBound}x the bound: {Elapsed.TotalSeconds:F2} s / {Bound.TotalSeconds:F2} s = {RatioToBound:F2}x
              {Mark(Duplicates == 0)} no duplicates: {Duplicates}
              {Mark(AllImported)} every message imported: {Imported} of {Expected}
            """));
    }

    private static string Mark(bool passed) => passed ? "PASS" : "MISS";

    private static string Mb(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:F1} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
