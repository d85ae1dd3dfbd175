using System.Collections.Concurrent;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Hands items to one dedicated consumer thread, which takes everything waiting at once. Unlike
/// <see cref="BlockingCollection{T}"/> the consumer sleeps without spinning first: under a burst of webhooks the
/// requests need those CPU cycles more than the consumer needs a faster wake-up.
/// </summary>
internal sealed class Handoff<T> : IDisposable
{
    private readonly ConcurrentQueue<T> items = new();
    private readonly ManualResetEventSlim ready = new(false, spinCount: 0);
    private readonly Lock adding = new();
    private volatile bool completed;

    /// <returns>False once <see cref="Complete"/> has been called: the item was not taken.</returns>
    public bool TryAdd(T item)
    {
        lock (adding)
        {
            if (completed)
            {
                return false;
            }
            items.Enqueue(item);
        }
        ready.Set();
        return true;
    }

    /// <summary>No more items; the consumer still gets those already added.</summary>
    public void Complete()
    {
        lock (adding)
        {
            completed = true;
        }
        ready.Set();
    }

    /// <summary>Blocks until there is at least one item, then moves up to <paramref name="max"/> into <paramref name="into"/>.</summary>
    /// <returns>False when completed and empty.</returns>
    public bool Take(List<T> into, int max)
    {
        while (true)
        {
            while (into.Count < max && items.TryDequeue(out var item))
            {
                into.Add(item);
            }
            if (into.Count > 0)
            {
                return true;
            }
            if (completed)
            {
                // Adds stop under the same lock that completes, so an add that raced with Complete is in the queue now.
                return TryDrainLast(into, max);
            }
            ready.Reset();
            // Looked again after the reset: an item added between the first look and the reset is not missed.
            if (!items.IsEmpty || completed)
            {
                continue;
            }
            ready.Wait();
        }
    }

    public void Dispose() => ready.Dispose();

    private bool TryDrainLast(List<T> into, int max)
    {
        while (into.Count < max && items.TryDequeue(out var item))
        {
            into.Add(item);
        }
        return into.Count > 0;
    }
}
