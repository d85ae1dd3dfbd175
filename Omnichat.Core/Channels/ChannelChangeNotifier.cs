using System.Collections.Concurrent;

namespace Omnichat.Core.Channels;

/// <summary>
/// Tells open pages of a team that its channel data changed (a consent came back in another tab, a page was
/// connected elsewhere), so they refresh without a reload. Background work never touches UI code; pages subscribe.
/// </summary>
public sealed class ChannelChangeNotifier
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
