using Microsoft.Extensions.Options;

namespace Omnichat.Console.Sandbox.Hosting;

/// <summary>On its own the sandbox cannot guess where the console is: webhooks and consent redirects need it.</summary>
public sealed class StandaloneSandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options) =>
        string.IsNullOrWhiteSpace(options.ConsoleUrl)
            ? ValidateOptionsResult.Fail("Sandbox:ConsoleUrl is required for the sandbox on its own: the console's address, e.g. http://127.0.0.1:5000, where its webhooks go.")
            : ValidateOptionsResult.Success;
}
