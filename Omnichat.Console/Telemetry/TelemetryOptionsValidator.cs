using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Console.Telemetry;

/// <summary>Reports every problem of the <c>Telemetry</c> section at once.</summary>
internal sealed class TelemetryOptionsValidator(IConfiguration configuration) : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        OtlpSignals.Read(configuration, problems);
        if (!options.HasValidRatio)
        {
            problems.Add($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.TraceSampleRatio)} is {options.TraceSampleRatio}: give a share from 0 (no request traced) to 1 (every one).");
        }
        var key = $"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.ManagementUrls)}";
        if (options.ManagementUrls.Length > 0 && !options.Prometheus)
        {
            problems.Add($"{key} is set but {TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Prometheus)} is not true: the management port only serves the Prometheus scrape.");
        }
        var publicPorts = PublicPorts(configuration[ListenUrls.Key]);
        foreach (var url in options.ManagementUrls)
        {
            if (!ManagementUrl.TryParse(url, out var parsed))
            {
                problems.Add($"{key} entry '{url}' must be an absolute http URL with a port and no path, e.g. http://127.0.0.1:9464.");
            }
            else if (publicPorts.Contains(parsed.Port))
            {
                problems.Add($"{key} entry '{url}' uses port {parsed.Port}, which {ListenUrls.Key} serves to everyone: give the scraper a port of its own.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static HashSet<int> PublicPorts(string? urls) =>
    [
        .. (urls ?? ListenUrls.DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal),
                UriKind.Absolute, out var uri) ? uri.Port : -1)
            .Where(p => p > 0),
    ];
}
