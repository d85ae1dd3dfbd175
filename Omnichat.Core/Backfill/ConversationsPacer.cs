using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Backfill;

/// <summary>
/// Keeps each page's Conversations API calls to Meta's 2 per second (§17), across every back-fill of this process:
/// a caller waits for the page's next slot; a rate-limit answer pushes the page's next slot back.
/// </summary>
public sealed class ConversationsPacer(IOptions<BackfillOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PageSlot> pages = new();

    public async Task WaitTurnAsync(string pageId, CancellationToken cancellationToken)
    {
        var slot = pages.GetOrAdd(pageId, _ => new PageSlot());
        DateTimeOffset turn;
        lock (slot)
        {
            var now = time.GetUtcNow();
            turn = slot.Next > now ? slot.Next : now;
            slot.Next = turn + options.Value.CallInterval;
        }
        var wait = turn - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Facebook said "too many calls": nothing more for this page until <paramref name="delay"/> has passed.</summary>
    public void Hold(string pageId, TimeSpan delay)
    {
        var slot = pages.GetOrAdd(pageId, _ => new PageSlot());
        lock (slot)
        {
            var until = time.GetUtcNow() + delay;
            if (until > slot.Next)
            {
                slot.Next = until;
            }
        }
    }

    private sealed class PageSlot
    {
        public DateTimeOffset Next;
    }
}
