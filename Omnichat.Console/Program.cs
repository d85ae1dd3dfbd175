using Omnichat.Console;
using Omnichat.Console.Benchmarks;
using Omnichat.Console.Components;
using Omnichat.Console.Components.Account;
using Omnichat.Console.Endpoints;
using Omnichat.Console.Sandbox;
using Omnichat.Console.Sandbox.Hosting;
using Omnichat.Core;

// `benchmark health|support-list ...` measures the console instead of serving it (README, "Benchmarks").
if (await BenchmarkCommand.TryRunAsync(args) is int exitCode)
{
    return exitCode;
}
// `sandbox` serves only the built-in Facebook, in a process of its own that outlives the console (README, "Sandbox").
if (await SandboxCommand.TryRunAsync(args) is int sandboxExitCode)
{
    return sandboxExitCode;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddOmnichatCore();
builder.AddOmnichatConsole();

var app = builder.Build();

if (!await app.PrepareOmnichatAsync())
{
    return 1;
}

app.UseOmnichatPipeline();
app.MapHealthEndpoints();
app.MapCultureEndpoints();
app.MapAccountEndpoints();
app.MapFacebookOAuthEndpoints();
app.MapFacebookDeauthorizeEndpoints();
app.MapIntegrationExportEndpoints();
app.MapFacebookWebhookEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
// After the Razor pages: with the sandbox off it removes the sandbox's pages from them.
app.MapFacebookSandbox();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
