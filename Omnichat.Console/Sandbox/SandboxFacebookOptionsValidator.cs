using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Sandbox;

/// <summary>With the sandbox off, nothing of the Facebook section may still point at it or use its published secret.</summary>
public sealed class SandboxFacebookOptionsValidator(DeploymentMode mode) : IValidateOptions<FacebookOptions>
{
    public ValidateOptionsResult Validate(string? name, FacebookOptions options)
    {
        if (mode.SandboxEnabled)
        {
            return ValidateOptionsResult.Success;
        }
        var problems = new List<string>();
        if (mode.RequiresProductionSettings && options.AppSecret == SandboxCredentials.AppSecret)
        {
            problems.Add("Facebook:AppSecret is the built-in sandbox's published secret: anyone could sign webhooks with it. Use your Meta app's secret.");
        }
        foreach (var (key, value) in new[] { ("Facebook:GraphBaseUrl", options.GraphBaseUrl), ("Facebook:DialogBaseUrl", options.DialogBaseUrl) })
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.AbsolutePath.StartsWith(SandboxUrls.PathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{key} '{value}' points at the built-in sandbox, which is off (Sandbox:Enabled). Use Meta's address, turn the sandbox on, or for a sandbox in its own process set Sandbox:Url.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
