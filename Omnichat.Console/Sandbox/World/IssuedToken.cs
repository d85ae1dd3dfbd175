namespace Omnichat.Console.Sandbox.World;

/// <summary>A token the sandbox handed out. Only its SHA-256 hash is kept, never the token.</summary>
public sealed class IssuedToken
{
    public string Hash { get; set; } = "";
    public TokenKind Kind { get; set; }
    public string UserId { get; set; } = "";
    public string? PageId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    /// <summary>Null: never expires (a page token from a long-lived user token; debug_token says expires_at 0).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public bool LongLived { get; set; }
    public int SessionGeneration { get; set; }
    public List<string> Scopes { get; set; } = [];
    /// <summary>Page ids the grant covered at issue; null for "all pages".</summary>
    public List<string>? PageTargets { get; set; }
    /// <summary>Business ids the grant covered at issue; null for "all businesses".</summary>
    public List<string>? BusinessTargets { get; set; }
    /// <summary>For page tokens: the user's tasks on the page at issue.</summary>
    public List<string> TasksAtIssue { get; set; } = [];
}
