namespace Omnichat.Core.Messaging;

/// <summary>The Send API's <c>metadata</c> we set on every reply, so its echo can be told apart from replies sent elsewhere.</summary>
public static class ReplyMetadata
{
    private const string Prefix = "omnichat:";

    public static string For(Guid messageId) => Prefix + messageId.ToString("N");

    public static Guid? Read(string? metadata) =>
        metadata is not null && metadata.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(metadata[Prefix.Length..], "N", out var id)
            ? id
            : null;
}
