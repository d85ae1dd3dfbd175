using System.Collections.Concurrent;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Tells a team's open inbox pages that conversations changed (a message came in, a reply was sent or delivered), so
/// they refresh without a reload. The processor and the reply service notify; pages subscribe and dispose.
/// </summary>
public sealed class InboxNotifier
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Func<Task>>> subscribers = new();

    public IDisposable Subscribe(Guid teamId, Func<Task> onChange)
    {
        var id = Guid.NewGuid();
        subscribers.GetOrAdd(teamId, _ => new()).TryAdd(id, onChange);
        return new Subscription(() =>
        {
            if (subscribers.TryGetValue(teamId, out var team))
            {
                team.TryRemove(id, out _);
            }
        });
    }

    public async Task NotifyAsync(Guid teamId)
    {
        if (!subscribers.TryGetValue(teamId, out var team))
        {
            return;
        }
        foreach (var onChange in team.Values)
        {
            await onChange();
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
