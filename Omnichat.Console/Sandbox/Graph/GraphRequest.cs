namespace Omnichat.Console.Sandbox.Graph;

/// <summary>One Graph call, from HTTP or from one operation of a batch.</summary>
/// <param name="PublicBaseUrl">Scheme and host the caller used, for absolute <c>paging.next</c> links.</param>
public sealed record GraphRequest(
    string Method,
    string Version,
    IReadOnlyList<string> Segments,
    IReadOnlyDictionary<string, string> Parameters,
    string? AccessToken,
    string PublicBaseUrl)
{
    public string? Param(string name) =>
        Parameters.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public string Path => string.Join('/', Segments);

    /// <summary>The requested <c>fields</c>, or the defaults when none were asked for.</summary>
    public IReadOnlyList<string> Fields(params string[] defaults)
    {
        var fields = Param("fields");
        return fields is null
            ? defaults
            : fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => f.Split('{', '.')[0])
                .ToArray();
    }
}
