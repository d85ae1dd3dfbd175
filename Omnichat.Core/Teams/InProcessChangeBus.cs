namespace Omnichat.Core.Teams;

/// <summary>One instance: a change goes straight to this process's open pages.</summary>
public sealed class InProcessChangeBus(ChangeRouter router) : IChangeBus
{
    public Task PublishAsync(string kind, Guid teamId, CancellationToken cancellationToken = default)
    {
        router.Deliver(kind, teamId);
        return Task.CompletedTask;
    }
}
