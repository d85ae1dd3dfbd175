using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

/// <summary>The result of handling the consent dialog's redirect.</summary>
/// <param name="FacebookUserName">Who consented, when known.</param>
/// <param name="AuthorizedPageCount">
/// Pages the consent covers that the team can connect (or has connected): the count the admin reads, so it promises
/// no page the authorized list then greys out.
/// </param>
/// <param name="UncoveredConnectedPages">
/// Connected pages this consent left out (or whose permissions it dropped) that stopped working: Meta ended the
/// consenting person's token for them, and no other member's authorization could take over.
/// </param>
/// <param name="Error">The Graph error behind <see cref="ConsentOutcomeKind.GraphFailed"/>.</param>
/// <param name="NotConnectablePages">
/// Pages the consent covers that the team still cannot connect, counted by why (the authorized list's reasons), so the
/// admin learns what the count above left out.
/// </param>
/// <param name="BackupPageCount">
/// Connected pages running on another team member's authorization that this consent also covers: the consenting
/// person's tokens became their backups, with nothing reconnected.
/// </param>
/// <param name="RepairedPageCount">
/// Failing connections this consent returned to healthy besides the one reauthorized: pages broken by the same
/// person-tied failure (a password change) that the fresh authorization covers.
/// </param>
/// <param name="MovedToBackupPages">Connected pages this consent left out that now run on another member's authorization.</param>
public sealed record ConsentOutcome(
    ConsentOutcomeKind Kind,
    string? FacebookUserName = null,
    int AuthorizedPageCount = 0,
    IReadOnlyList<string>? UncoveredConnectedPages = null,
    string? PageName = null,
    GraphError? Error = null,
    IReadOnlyDictionary<PageAvailability, int>? NotConnectablePages = null,
    int BackupPageCount = 0,
    int RepairedPageCount = 0,
    IReadOnlyList<string>? MovedToBackupPages = null)
{
    public bool Succeeded => Kind is ConsentOutcomeKind.Authorized or ConsentOutcomeKind.Reauthorized;
    public IReadOnlyList<string> Uncovered => UncoveredConnectedPages ?? [];
    public IReadOnlyList<string> MovedToBackup => MovedToBackupPages ?? [];
    public IReadOnlyDictionary<PageAvailability, int> NotConnectable => NotConnectablePages ?? new Dictionary<PageAvailability, int>();
}
