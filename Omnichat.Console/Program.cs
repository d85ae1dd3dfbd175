using Omnichat.Console;
using Omnichat.Console.Components;
using Omnichat.Console.Components.Account;
using Omnichat.Console.Endpoints;
using Omnichat.Console.Sandbox;
using Omnichat.Core;

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
app.MapFacebookWebhookEndpoints();
app.MapFacebookSandbox();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
