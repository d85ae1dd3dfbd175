using System.Globalization;

namespace Omnichat.Console.Benchmarks;

/// <summary>What <c>benchmark health</c> prints: the set-up, each check's figures, and PASS or MISS per target.</summary>
public sealed record HealthBenchmarkReport(HealthBenchmarkOptions Options, string Database, SetUpReport SetUp, CheckMeasurement Batched, CheckMeasurement? Unbatched)
{
    public const double MaxRatioToBound = 1.5;
    public const long MaxWorkingSetBytes = 300L * 1024 * 1024;
    /// <summary>What the check may add to the working set, whatever N is: memory that grew with N would not stay under it at 100,000.</summary>
    public const long MaxWorkingSetGrowthBytes = 100L * 1024 * 1024;
    public const double MinSpeedUp = 30.0;

    /// <summary>The unbatched check's seconds for all N: measured, or scaled linearly from M connections.</summary>
    public double? UnbatchedSecondsForN => Unbatched is { } u ? u.Elapsed.TotalSeconds * Batched.Connections / u.Connections : null;

    public bool UnbatchedExtrapolated => Unbatched is { } u && u.Connections < Batched.Connections;

    public double? SpeedUp => UnbatchedSecondsForN / Batched.Elapsed.TotalSeconds;

    public bool WithinBound => Batched.RatioToBound <= MaxRatioToBound;

    public bool UnderMemoryLimit => Batched.Memory.Peak.WorkingSet < MaxWorkingSetBytes;

    public long WorkingSetGrowth => Batched.Memory.Peak.WorkingSet - Batched.Memory.Baseline.WorkingSet;

    public bool UnderGrowthLimit => WorkingSetGrowth < MaxWorkingSetGrowthBytes;

    public bool FastEnough => SpeedUp >= MinSpeedUp;

    public async Task WriteToAsync(TextWriter output)
    {
        var n = Batched.Connections;
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Health-check benchmark: N={n} connections, T={Batched.Tokens} tokens ({Options.TokensPerPage} per page), L={Options.LatencyMs} ms per Graph HTTP request, C={Options.Concurrency}");
        await output.WriteLineAsync($"  database                 {Database}");
        await output.WriteLineAsync(Invariant($"""
              set-up (not measured): {SetUp.Connections} sandbox pages via POST /sandbox/api/pages/bulk ({SetUp.Pages.TotalSeconds:F1} s);
                consent via POST /sandbox/api/oauth/authorize + ConsentService, {SetUp.People} {(SetUp.People == 1 ? "person" : "people")} ({SetUp.ConsentGraphRequests} Graph requests, {SetUp.Consent.TotalSeconds:F1} s);
                {SetUp.Connections} PageConnection rows inserted directly from the AuthorizedPage rows in one EF batch ({SetUp.Insert.TotalSeconds:F1} s),
                not connected one by one through ConnectionService
            """));
        await WriteCheckAsync(output, "Batched check (HealthCheck:UseBatch=true)", Batched);
        if (Unbatched is { } unbatched)
        {
            var title = UnbatchedExtrapolated
                ? $"Unbatched check (HealthCheck:UseBatch=false) on M={unbatched.Connections} connections of a fresh set-up, extrapolated to N"
                : "Unbatched check (HealthCheck:UseBatch=false), same console and connections, measured on all N";
            await WriteCheckAsync(output, title, unbatched);
            await output.WriteLineAsync(Invariant($"  {$"unbatched for N={n}",-24} {UnbatchedSecondsForN:F2} s ({(UnbatchedExtrapolated ? "extrapolated linearly" : "measured")})"));
        }
        else
        {
            await output.WriteLineAsync("Unbatched check: skipped (--skip-unbatched)");
        }

        await output.WriteLineAsync("Targets");
        await output.WriteLineAsync(Invariant($"  {Mark(WithinBound)} batched within {MaxRatioToBound}x the bound: {Batched.Elapsed.TotalSeconds:F2} s / {Batched.Bound.TotalSeconds:F2} s = {Batched.RatioToBound:F2}x"));
        await output.WriteLineAsync(Invariant($"  {Mark(UnderMemoryLimit)} batched peak working set under {MaxWorkingSetBytes / 1024 / 1024} MB: {Mb(Batched.Memory.Peak.WorkingSet)}"));
        await output.WriteLineAsync(Invariant($"  {Mark(UnderGrowthLimit)} batched peak working-set growth during the check under {MaxWorkingSetGrowthBytes / 1024 / 1024} MB: {Mb(WorkingSetGrowth)}"));
        await output.WriteLineAsync(SpeedUp is { } speedUp
            ? Invariant($"  {Mark(FastEnough)} batched at least {MinSpeedUp}x faster than unbatched: {speedUp:F1}x{(UnbatchedExtrapolated ? " (unbatched extrapolated)" : "")}")
            : $"  ---- batched at least {MinSpeedUp}x faster than unbatched: not measured");
    }

    private static async Task WriteCheckAsync(TextWriter output, string title, CheckMeasurement run)
    {
        var summary = run.Summary;
        var boundFormula = run.UseBatch ? "⌈(T+N)/50⌉·L/C" : "(T+N)·L/C";
        await output.WriteLineAsync(title);
        await output.WriteLineAsync(Invariant($"""
              wall time                {run.Elapsed.TotalSeconds:F2} s
              Graph HTTP requests      {summary.GraphRequests} counted by the checker, {run.SandboxGraphRequests} received by the sandbox (expected {run.ExpectedRequests})
              results                  {summary.Checked} checked: {summary.Passed} passed, {summary.Failed} failed, {summary.Inconclusive} inconclusive, {summary.Repaired} repaired
              bound {boundFormula,-17}  {run.Bound.TotalSeconds:F2} s ({run.ExpectedRequests} x {run.LatencyMs} ms / {run.Concurrency}); ratio to bound {run.RatioToBound:F2}x
              working set (process)    baseline {Mb(run.Memory.Baseline.WorkingSet)}, peak {Mb(run.Memory.Peak.WorkingSet)}
              GC heap (managed)        baseline {Mb(run.Memory.Baseline.GcHeap)}, peak {Mb(run.Memory.Peak.GcHeap)}
            """));
    }

    private static string Mark(bool passed) => passed ? "PASS" : "MISS";

    private static string Mb(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:F1} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
