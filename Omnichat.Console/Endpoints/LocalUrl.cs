namespace Omnichat.Console.Endpoints;

/// <summary>Redirect targets taken from a query string or form must stay on this site, or we become an open redirector.</summary>
public static class LocalUrl
{
    // The same rule as MVC's Url.IsLocalUrl: a rooted path, but not "//host" or "/\host", which browsers follow off-site.
    public static bool IsLocal(string? uri) =>
        !string.IsNullOrEmpty(uri) && uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\'))
        && !uri.Any(char.IsControl);
}
