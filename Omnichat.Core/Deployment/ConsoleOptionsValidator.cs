using System.Net;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Deployment;

internal sealed class ConsoleOptionsValidator(DeploymentMode mode) : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            problems.Add("Console:PublicUrl is required outside Development: the address people and Meta reach the console at, " +
                "e.g. https://console.example.com (OAuth redirects, e-mail links and the webhook URL are built from it).");
        }
        else if (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.PathAndQuery != "/" || url.Fragment.Length > 0)
        {
            problems.Add($"Console:PublicUrl '{options.PublicUrl}' must be an absolute http or https URL without a path, e.g. https://console.example.com.");
        }
        else if (mode.RequiresProductionSettings && url.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"Console:PublicUrl '{options.PublicUrl}' must use https outside Development: Meta accepts only https redirect and webhook URLs.");
        }
        foreach (var proxy in options.TrustedProxies)
        {
            if (!IPAddress.TryParse(proxy, out _) && !IPNetwork.TryParse(proxy, out _))
            {
                problems.Add($"Console:TrustedProxies entry '{proxy}' is neither an IP address nor a CIDR range such as 10.0.0.0/24.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
