namespace Omnichat.Console.Sandbox.Messenger;

/// <summary>A name the control API or panel gives a sandbox customer; either part may be missing.</summary>
public sealed record CustomerName(string? FirstName, string? LastName);
