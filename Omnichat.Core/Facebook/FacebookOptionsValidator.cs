using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Facebook;

/// <summary>The "Facebook" section must describe a Meta app the console can act as; every problem is reported at once.</summary>
internal sealed partial class FacebookOptionsValidator : IValidateOptions<FacebookOptions>
{
    public ValidateOptionsResult Validate(string? name, FacebookOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            problems.Add("Facebook:AppId is required: the id of your Meta app (App settings > Basic).");
        }
        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            problems.Add("Facebook:AppSecret is required: your Meta app's secret (App settings > Basic); webhooks are verified with it.");
        }
        if (!VersionPattern().IsMatch(options.GraphApiVersion))
        {
            problems.Add($"Facebook:GraphApiVersion '{options.GraphApiVersion}' must look like v25.0.");
        }
        if (!string.IsNullOrEmpty(options.SystemUserConfigId))
        {
            if (!ConfigIdPattern().IsMatch(options.SystemUserConfigId))
            {
                problems.Add($"Facebook:SystemUserConfigId '{options.SystemUserConfigId}' must be the numeric id of a Facebook Login for Business configuration (Facebook Login for Business > Configurations), or empty to turn the feature off.");
            }
            else if (options.SystemUserConfigId == options.ConfigId)
            {
                problems.Add("Facebook:SystemUserConfigId must be another configuration than Facebook:ConfigId: one whose access token type is System User (Business Integration System User access token).");
            }
        }
        CheckUrl(problems, "Facebook:GraphBaseUrl", options.GraphBaseUrl);
        CheckUrl(problems, "Facebook:DialogBaseUrl", options.DialogBaseUrl);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckUrl(List<string> problems, string key, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{key} '{value}' must be an absolute http or https URL.");
        }
    }

    [GeneratedRegex(@"^v\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\d{1,32}$")]
    private static partial Regex ConfigIdPattern();
}
