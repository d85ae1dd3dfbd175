using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Backfill;

/// <summary>
/// Keeps each page's Conversations API calls to Meta's 2 per second (§17), across every back-fill of this process:
/// a caller waits for the page's next slot and says when the answer came; a rate-limit answer pushes the slot back.
/// </summary>
/// <remarks>
/// Meta counts a call at some instant between when it was sent and when its answer came, which a loaded machine or
/// network can move by hundreds of milliseconds. Spacing the sends alone then lets three calls land in one second now
/// and then, and each refusal (80006) costs a back-off of seconds. So a call also waits until the answer to the call two
/// before it came more than a second ago: however late that one was counted, this one is counted over a second later.
/// </remarks>
public sealed class ConversationsPacer(IOptions<BackfillOptions> options, TimeProvider time)
{
    /// <summary>Meta's limit: this many calls in any one second per page.</summary>
    public const int CallsPerSecond = 2;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, PageSlot> pages = new();

    /// <returns>The call's turn: dispose it when its answer has come.</returns>
    public async Task<IDisposable> WaitTurnAsync(string pageId, CancellationToken cancellationToken)
    {
        var slot = pages.GetOrAdd(pageId, _ => new PageSlot());
        var call = new Turn(slot, time);
        DateTimeOffset turn;
        lock (slot)
        {
            var now = time.GetUtcNow();
            turn = slot.Next > now ? slot.Next : now;
            if (slot.Recent.Count == CallsPerSecond)
            {
                // Two calls back: counted at its answer at the latest (at its send, if another back-fill's is still out).
                var before = slot.Recent.Peek();
                var counted = (before.AnsweredAt ?? before.SentAt) + Window;
                if (counted > turn)
                {
                    turn = counted;
                }
                slot.Recent.Dequeue();
            }
            call.SentAt = turn;
            slot.Recent.Enqueue(call);
            slot.Next = turn + options.Value.CallInterval;
        }
        var wait = turn - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
        return call;
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
        /// <summary>The page's last <see cref="CallsPerSecond"/> calls, oldest first.</summary>
        public readonly Queue<Turn> Recent = new();
    }

    private sealed class Turn(PageSlot slot, TimeProvider time) : IDisposable
    {
        public DateTimeOffset SentAt;
        public DateTimeOffset? AnsweredAt;

        public void Dispose()
        {
            lock (slot)
            {
                AnsweredAt ??= time.GetUtcNow();
            }
        }
    }
}
