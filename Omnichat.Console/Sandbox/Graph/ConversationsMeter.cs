using System.Collections.Concurrent;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// Meta's limit of 2 Conversations API calls per second per page (§17): a call when two were accepted in the last second
/// is refused with 80006. Counts every call per page so tests can show a client kept to the limit. In memory only: a
/// limit of one second has nothing to keep across a restart.
/// </summary>
public sealed class ConversationsMeter(TimeProvider time)
{
    public const int CallsPerSecond = 2;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, PageMeter> pages = new();

    /// <summary>Records a call; false when it is over the limit and must be refused.</summary>
    public bool TryCall(string pageId)
    {
        var meter = pages.GetOrAdd(pageId, _ => new PageMeter());
        var now = time.GetUtcNow();
        lock (meter)
        {
            meter.Calls++;
            meter.Attempts.Enqueue(now);
            while (now - meter.Attempts.Peek() >= Window)
            {
                meter.Attempts.Dequeue();
            }
            meter.MostInOneSecond = Math.Max(meter.MostInOneSecond, meter.Attempts.Count);
            while (meter.Accepted.Count > 0 && now - meter.Accepted.Peek() >= Window)
            {
                meter.Accepted.Dequeue();
            }
            if (meter.Accepted.Count >= CallsPerSecond)
            {
                meter.Refused++;
                return false;
            }
            meter.Accepted.Enqueue(now);
            return true;
        }
    }

    /// <summary>Per page: every call, the ones refused with 80006, and the most calls made within one second.</summary>
    public IReadOnlyDictionary<string, ConversationsUsage> Usage() => pages.ToDictionary(p => p.Key, p =>
    {
        lock (p.Value)
        {
            return new ConversationsUsage(p.Value.Calls, p.Value.Refused, p.Value.MostInOneSecond);
        }
    });

    public void Reset() => pages.Clear();

    private sealed class PageMeter
    {
        public int Calls;
        public int Refused;
        public int MostInOneSecond;
        public readonly Queue<DateTimeOffset> Attempts = new();
        public readonly Queue<DateTimeOffset> Accepted = new();
    }
}
