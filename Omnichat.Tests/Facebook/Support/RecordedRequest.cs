namespace Omnichat.Tests.Facebook.Support;

/// <summary>What the Graph client sent, with its query string and form body decoded for assertions.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType)
{
    public string Path => Uri.AbsolutePath;

    public IReadOnlyDictionary<string, string> Query => Decode(Uri.Query.TrimStart('?'));

    public IReadOnlyDictionary<string, string> Form => Decode(Body ?? "");

    private static Dictionary<string, string> Decode(string encoded) =>
        encoded.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                parts => Unescape(parts[0]),
                parts => parts.Length > 1 ? Unescape(parts[1]) : "");

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
