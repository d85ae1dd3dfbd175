namespace Omnichat.Core.Facebook;

/// <summary>
/// Facebook's answers about one page: the token in use, the page's subscribed apps, and each backup token in the order
/// asked. A null answer means the batch timed out before that call ran.
/// </summary>
public sealed record PageHealthAnswer(
    string PageId,
    GraphResult<TokenDebugInfo>? Token,
    GraphResult<IReadOnlyList<SubscribedApp>>? Subscriptions,
    IReadOnlyList<GraphResult<TokenDebugInfo>?>? BackupTokens = null)
{
    public IReadOnlyList<GraphResult<TokenDebugInfo>?> Backups => BackupTokens ?? [];
}
