namespace Omnichat.Core.Facebook;

/// <summary>
/// What <c>debug_token</c> says about a token. An invalid token is still a successful call: Meta answers HTTP 200
/// and puts the problem in <see cref="Error"/> (with <c>subcode</c>, not <c>error_subcode</c>).
/// </summary>
public sealed record TokenDebugInfo(
    string? AppId,
    string? Type,
    bool IsValid,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? DataAccessExpiresAt,
    string? ProfileId,
    string? UserId,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<GranularScope> GranularScopes,
    GraphError? Error)
{
    /// <summary>
    /// The assets <paramref name="scope"/> was granted for: null when it covers all of them (granted without a
    /// granular entry, or an entry without target_ids), empty when the scope is not granted at all.
    /// </summary>
    public IReadOnlyList<string>? TargetIdsFor(string scope)
    {
        var granular = GranularScopes.FirstOrDefault(g => string.Equals(g.Scope, scope, StringComparison.Ordinal));
        if (granular is not null)
        {
            return granular.TargetIds;
        }
        return Scopes.Contains(scope, StringComparer.Ordinal) ? null : [];
    }
}
