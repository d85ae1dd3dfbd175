using System.Collections.Concurrent;

namespace Omnichat.Core.Teams;

/// <summary>
/// Per-team change notifications for open pages: a page subscribes when it initialises and disposes the subscription;
/// background work notifies the team and never touches UI code. Each kind of change has its own notifier type.
/// </summary>
public abstract class TeamNotifier
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
