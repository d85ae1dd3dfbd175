namespace Omnichat.Core.Teams;

/// <summary>
/// One open page's interest in a team's changes. A change only pokes it: the page's refresh runs on its own task, so
/// a slow page or one whose circuit is gone (it throws) never delays or aborts the work that changed something. A
/// burst of changes refreshes the page at most once per <see cref="MinimumGap"/>, and the last refresh comes after the
/// last change.
/// </summary>
internal sealed class PageSubscription(Func<Task> onChange, TimeProvider time, Action remove) : IDisposable
{
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMilliseconds(250);

    private const int Idle = 0;
    private const int Running = 1;
    private const int RunningAndPoked = 2;
    private int state;
    private int disposed;

    public void Poke()
    {
        while (Volatile.Read(ref disposed) == 0)
        {
            var seen = Volatile.Read(ref state);
            if (seen == RunningAndPoked)
            {
                return;
            }
            if (Interlocked.CompareExchange(ref state, seen + 1, seen) == seen)
            {
                if (seen == Idle)
                {
                    _ = Task.Run(RunAsync);
                }
                return;
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            remove();
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            if (Volatile.Read(ref disposed) == 0)
            {
                try
                {
                    await onChange();
                }
#pragma warning disable CA1031 // Whatever a page's refresh throws is the page's; the change it was told about stands.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
            await Task.Delay(MinimumGap, time);
            if (Interlocked.CompareExchange(ref state, Idle, Running) == Running)
            {
                return;
            }
            // Poked while refreshing or resting: once more, for the changes since.
            Interlocked.Exchange(ref state, Running);
        }
    }
}
