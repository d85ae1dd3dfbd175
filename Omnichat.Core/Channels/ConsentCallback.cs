namespace Omnichat.Core.Channels;

/// <summary>The query of the consent dialog's redirect, as received.</summary>
public sealed record ConsentCallback(string? Code, string? State, string? Error, string? ErrorReason);
