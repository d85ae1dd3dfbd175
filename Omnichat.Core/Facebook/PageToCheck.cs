namespace Omnichat.Core.Facebook;

/// <summary>
/// One page for the health check: the token in use (debug_token and subscribed_apps) and the other team members'
/// tokens for the same page (debug_token each), so a backup is known to work before it is needed.
/// </summary>
public sealed record PageToCheck(string PageId, string PageToken, IReadOnlyList<string>? BackupTokens = null)
{
    public IReadOnlyList<string> Backups => BackupTokens ?? [];

    /// <summary>How many batch operations the page takes.</summary>
    public int Operations => 2 + Backups.Count;

    public override string ToString() => $"PageToCheck {{ PageId = {PageId}, Backups = {Backups.Count} }}";
}
