using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

/// <summary>The result of handling the consent dialog's redirect.</summary>
/// <param name="FacebookUserName">Who consented, when known.</param>
/// <param name="AuthorizedPageCount">
/// Pages the consent covers that the team can connect (or has connected): the count the admin reads, so it promises
/// no page the authorized list then greys out.
/// </param>
/// <param name="UncoveredConnectedPages">Connected pages this consent no longer covers: they keep working on their old token until it dies, and the admin is told so.</param>
/// <param name="Error">The Graph error behind <see cref="ConsentOutcomeKind.GraphFailed"/>.</param>
/// <param name="NotConnectablePages">
/// Pages the consent covers that the team still cannot connect, counted by why (the authorized list's reasons), so the
/// admin learns what the count above left out.
/// </param>
/// <param name="BackupPageCount">
/// Connected pages running on another team member's authorization that this consent also covers: the consenting
/// person's tokens became their backups, with nothing reconnected.
/// </param>
public sealed record ConsentOutcome(
    ConsentOutcomeKind Kind,
    string? FacebookUserName = null,
    int AuthorizedPageCount = 0,
    IReadOnlyList<string>? UncoveredConnectedPages = null,
    string? PageName = null,
    GraphError? Error = null,
    IReadOnlyDictionary<PageAvailability, int>? NotConnectablePages = null,
    int BackupPageCount = 0)
{
    public bool Succeeded => Kind is ConsentOutcomeKind.Authorized or ConsentOutcomeKind.Reauthorized;
    public IReadOnlyList<string> Uncovered => UncoveredConnectedPages ?? [];
    public IReadOnlyDictionary<PageAvailability, int> NotConnectable => NotConnectablePages ?? new Dictionary<PageAvailability, int>();
}
