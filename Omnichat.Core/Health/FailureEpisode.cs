using Omnichat.Core.Channels;

namespace Omnichat.Core.Health;

/// <summary>
/// The time a connection spends away from Healthy. At most one open episode per connection, enforced by a unique
/// index, so concurrent checks or a restart cannot start a second one (and so cannot send a second e-mail).
/// </summary>
public sealed class FailureEpisode
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConnectionId { get; set; }
    public Guid TeamId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public ConnectionStatus Status { get; set; }
    public FailureCause Cause { get; set; }
    public Guid RunId { get; set; }
    /// <summary>
    /// The reminder e-mail this episode was announced in: its own run's, or, when it joined a failure the team was
    /// already told about, that one's (its RunId then differs from the e-mail's). Set in the transaction that starts it.
    /// </summary>
    public Guid? EmailId { get; set; }
    /// <summary>The failure notice this episode belongs to (<see cref="FailureNotice"/>).</summary>
    public Guid? NoticeId { get; set; }
}
