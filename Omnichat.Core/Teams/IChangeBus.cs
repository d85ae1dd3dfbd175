namespace Omnichat.Core.Teams;

/// <summary>
/// Carries "something of team T changed" to every console instance, whose <see cref="ChangeRouter"/> hands it to the
/// open pages there. In process on SQLite (one instance); PostgreSQL's LISTEN/NOTIFY with several.
/// </summary>
public interface IChangeBus
{
    /// <summary>Never waits on pages; only ids travel, never customer text or tokens.</summary>
    Task PublishAsync(string kind, Guid teamId, CancellationToken cancellationToken = default);
}
