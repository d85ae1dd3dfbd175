using System.Diagnostics;
using OpenTelemetry;

namespace Omnichat.Console.Telemetry;

/// <summary>
/// The last word on every span before it is exported: whatever an instrumentation recorded (<c>url.full</c>,
/// <c>url.query</c>, a display name with a URL), credentials in it are replaced. Instrumentations redact query strings
/// in their own ways and versions change that; this holds whatever they do.
/// </summary>
internal sealed class RedactingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        List<KeyValuePair<string, string>>? changed = null;
        foreach (var tag in data.TagObjects)
        {
            if (tag.Value is string text && SensitiveQuery.Strip(text) is var stripped && !string.Equals(stripped, text, StringComparison.Ordinal))
            {
                (changed ??= []).Add(new(tag.Key, stripped));
            }
        }
        foreach (var (key, value) in changed ?? [])
        {
            data.SetTag(key, value);
        }
        data.DisplayName = SensitiveQuery.Strip(data.DisplayName);
    }
}
