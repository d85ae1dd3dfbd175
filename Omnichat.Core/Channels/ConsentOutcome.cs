using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

/// <summary>The result of handling the consent dialog's redirect.</summary>
/// <param name="FacebookUserName">Who consented, when known.</param>
/// <param name="AuthorizedPageCount">Pages the consent covers.</param>
/// <param name="UncoveredConnectedPages">Connected pages this consent no longer covers: they keep working on their old token until it dies, and the admin is told so.</param>
/// <param name="Error">The Graph error behind <see cref="ConsentOutcomeKind.GraphFailed"/>.</param>
public sealed record ConsentOutcome(
    ConsentOutcomeKind Kind,
    string? FacebookUserName = null,
    int AuthorizedPageCount = 0,
    IReadOnlyList<string>? UncoveredConnectedPages = null,
    string? PageName = null,
    GraphError? Error = null)
{
    public bool Succeeded => Kind is ConsentOutcomeKind.Authorized or ConsentOutcomeKind.Reauthorized;
    public IReadOnlyList<string> Uncovered => UncoveredConnectedPages ?? [];
}
