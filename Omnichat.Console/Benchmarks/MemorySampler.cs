using System.Diagnostics;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// Samples this process's working set (what the OS holds in RAM for it) and the managed GC heap on a timer while a
/// check runs, and keeps the highest of each. The baseline is taken when sampling starts.
/// </summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long peakWorkingSet;
    private long peakGcHeap;

    private MemorySampler(TimeSpan interval, TimeProvider time)
    {
        Baseline = Sample();
        peakWorkingSet = Baseline.WorkingSet;
        peakGcHeap = Baseline.GcHeap;
        loop = RunAsync(interval, time);
    }

    public MemoryFigures Baseline { get; }

    public static MemorySampler Start(TimeSpan interval, TimeProvider time) => new(interval, time);

    /// <summary>Stops sampling, takes one last sample, and returns baseline and peaks.</summary>
    public async Task<MemoryUse> StopAsync()
    {
        await stop.CancelAsync();
        await loop;
        Observe(Sample());
        return new MemoryUse(Baseline, new MemoryFigures(Interlocked.Read(ref peakWorkingSet), Interlocked.Read(ref peakGcHeap)));
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await loop;
        }
        stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, TimeProvider time)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Observe(Sample());
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Observe(MemoryFigures sample)
    {
        InterlockedMax(ref peakWorkingSet, sample.WorkingSet);
        InterlockedMax(ref peakGcHeap, sample.GcHeap);
    }

    private static MemoryFigures Sample()
    {
        using var process = Process.GetCurrentProcess();
        return new MemoryFigures(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
