namespace Omnichat.Console.Sandbox.Messenger;

/// <summary>A customer message for the control API; <see cref="FirstName"/> and <see cref="LastName"/> are optional.</summary>
public sealed record CustomerMessageRequest(string? Psid, string? Text, IReadOnlyList<AttachmentRequest>? Attachments,
    string? FirstName = null, string? LastName = null)
{
    /// <summary>The name to give the customer, or null when the request names nobody.</summary>
    public CustomerName? Name => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName)
        ? null
        : new CustomerName(string.IsNullOrWhiteSpace(FirstName) ? null : FirstName.Trim(), string.IsNullOrWhiteSpace(LastName) ? null : LastName.Trim());
}
