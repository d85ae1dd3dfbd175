using System.Collections.Concurrent;

namespace Omnichat.Core.Teams;

/// <summary>
/// Per-team change notifications for open pages: a page subscribes when it initialises and disposes the subscription;
/// background work notifies the team and never touches UI code or waits for it. The change travels over the
/// <see cref="IChangeBus"/>, so pages open on another instance refresh too. Each kind of change has its own notifier.
/// </summary>
public abstract class TeamNotifier
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, PageSubscription>> subscribers = new();
    private readonly IChangeBus bus;
    private readonly TimeProvider time;
    private readonly string kind;

    protected TeamNotifier(ChangeRouter router, IChangeBus bus, TimeProvider time, string kind)
    {
        this.bus = bus;
        this.time = time;
        this.kind = kind;
        router.Attach(kind, this);
    }

    public IDisposable Subscribe(Guid teamId, Func<Task> onChange)
    {
        var id = Guid.NewGuid();
        var subscription = new PageSubscription(onChange, time, () =>
        {
            if (subscribers.TryGetValue(teamId, out var team))
            {
                team.TryRemove(id, out _);
            }
        });
        subscribers.GetOrAdd(teamId, _ => new()).TryAdd(id, subscription);
        return subscription;
    }

    /// <summary>Tells every instance's open pages of the team; returns once the change is on its way, not when they refreshed.</summary>
    public Task NotifyAsync(Guid teamId, CancellationToken cancellationToken = default) => bus.PublishAsync(kind, teamId, cancellationToken);

    internal void Deliver(Guid teamId)
    {
        if (subscribers.TryGetValue(teamId, out var team))
        {
            foreach (var subscription in team.Values)
            {
                subscription.Poke();
            }
        }
    }

    internal void DeliverToAll()
    {
        foreach (var team in subscribers.Values)
        {
            foreach (var subscription in team.Values)
            {
                subscription.Poke();
            }
        }
    }
}
