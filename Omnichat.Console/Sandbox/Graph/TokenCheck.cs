using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>What the sandbox knows about a presented token: its record (if any) and why it fails (if it does).</summary>
public sealed record TokenCheck(IssuedToken? Token, GraphError? Error, bool IsAppToken = false)
{
    public bool IsValid => Error is null;
    public bool IsValidUser => IsValid && Token is { Kind: TokenKind.User };
    public bool IsValidPage => IsValid && Token is { Kind: TokenKind.Page };
}
