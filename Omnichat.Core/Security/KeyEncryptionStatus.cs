namespace Omnichat.Core.Security;

/// <summary>Whether the Data Protection keys in the database are encrypted, for the start-up warning and /healthz.</summary>
public sealed record KeyEncryptionStatus(bool Encrypted, bool Required)
{
    /// <summary>A real deployment whose keys (and so its Facebook tokens) are readable from a copy of the database.</summary>
    public bool NeedsAttention => Required && !Encrypted;
}
