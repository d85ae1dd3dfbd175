namespace Omnichat.Core.Deployment;

/// <summary>The first address of <c>Urls</c>, with a real host where Kestrel was told to listen on a wildcard.</summary>
public static class ListenUrls
{
    public const string Key = "Urls";
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static string First(string? urls)
    {
        var first = (urls ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? DefaultUrl;
        // Kestrel accepts wildcard hosts; a browser, HttpClient and a link in an e-mail need a real one.
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        }
        return first.TrimEnd('/');
    }
}
