using Omnichat.Console;
using Omnichat.Console.Benchmarks;
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
app.MapOmnichatEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
