using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Notifications;

/// <summary>
/// Fills <see cref="EmailOptions.ConsoleUrl"/> from the first entry of <c>Urls</c> when it is not configured, so a
/// fresh <c>dotnet run</c> links to itself. Behind a proxy, set Email:ConsoleUrl to the public address.
/// </summary>
internal sealed class ConsoleUrlDefault(IConfiguration configuration) : IPostConfigureOptions<EmailOptions>
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public void PostConfigure(string? name, EmailOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConsoleUrl))
        {
            options.ConsoleUrl = FromUrls(configuration["Urls"]);
        }
        options.ConsoleUrl = options.ConsoleUrl.Trim().TrimEnd('/');
    }

    internal static string FromUrls(string? urls)
    {
        var first = (urls ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? DefaultUrl;
        // Kestrel accepts wildcard hosts; a link in an e-mail needs a real one.
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        }
        return first.TrimEnd('/');
    }
}
