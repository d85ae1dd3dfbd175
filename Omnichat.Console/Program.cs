using Omnichat.Console;
using Omnichat.Console.Benchmarks;
using Omnichat.Console.Components;
using Omnichat.Console.Components.Account;
using Omnichat.Console.Endpoints;
using Omnichat.Console.Sandbox;
using Omnichat.Core;

if (args is ["benchmark", SupportListBenchmark.Verb, ..])
{
    Environment.ExitCode = await SupportListBenchmark.RunAsync(args[2..]);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddOmnichatCore();
builder.AddOmnichatConsole();

var app = builder.Build();

await app.PrepareOmnichatAsync();

app.UseOmnichatPipeline();
app.MapHealthEndpoints();
app.MapCultureEndpoints();
app.MapAccountEndpoints();
app.MapFacebookOAuthEndpoints();
app.MapFacebookDeauthorizeEndpoints();
app.MapIntegrationExportEndpoints();
app.MapFacebookSandbox();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
