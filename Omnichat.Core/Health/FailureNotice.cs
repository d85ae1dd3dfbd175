using Omnichat.Core.Channels;

namespace Omnichat.Core.Health;

/// <summary>
/// One failure as the team was told about it: a cause, and the Facebook user it is tied to, announced in one e-mail.
/// A check finds a password change page by page when Facebook answers some batches and not others; the pages found
/// later while any page of the notice still fails join it (their episodes point here, their e-mail is this one), so
/// the team gets one e-mail for one failure. A unique index allows one open notice per team, cause and person: two
/// runs racing to announce the same failure cannot both send.
/// </summary>
public sealed class FailureNotice
{
    /// <summary>The <see cref="Person"/> of a failure that is about pages, not about whoever authorized them.</summary>
    public const string AnyPerson = "";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TeamId { get; set; }
    public FailureCause Cause { get; set; }
    /// <summary>The Facebook user whose authorization failed, or <see cref="AnyPerson"/> (see <see cref="PersonOf"/>).</summary>
    public string Person { get; set; } = AnyPerson;
    public Guid EmailId { get; set; }
    public Guid RunId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>
    /// When the last of its pages recovered. Written when the team's next failure is announced (the open episodes
    /// decide whether a notice still holds; this column only frees its key in the unique index).
    /// </summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>
    /// Who a failure is tied to. A dead token, a permission taken back or a role lost is one person's doing and breaks
    /// every page they authorized, so pages failing that way join that person's notice; a page Meta dropped from our
    /// webhook or handed to another receiver app is about the page, so such pages share one notice per team and cause.
    /// </summary>
    public static string PersonOf(ConnectionStatus status, string? facebookUserId) => status switch
    {
        ConnectionStatus.NeedsReauthorization or ConnectionStatus.MissingPermission or ConnectionStatus.NotPageAdmin
            => facebookUserId ?? AnyPerson,
        _ => AnyPerson,
    };
}
