namespace Omnichat.Console.Telemetry;

/// <summary>One of <see cref="TelemetryOptions.ManagementUrls"/>: plain http (a scraper inside the network), an explicit port, no path.</summary>
internal static class ManagementUrl
{
    public static bool TryParse(string value, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(value?.Trim().TrimEnd('/'), UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttp
            || parsed.IsDefaultPort || parsed.AbsolutePath != "/" || parsed.Query.Length > 0)
        {
            return false;
        }
        url = parsed;
        return true;
    }

}
