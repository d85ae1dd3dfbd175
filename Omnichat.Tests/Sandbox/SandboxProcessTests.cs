using System.Net;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

/// <summary>
/// The sandbox on its own (<c>Omnichat.Console -- sandbox</c>) serves only /sandbox, refuses to start without knowing
/// where the console is, and a console started with <c>Sandbox:Url</c> plays against it instead of its own.
/// </summary>
public sealed class SandboxProcessTests
{
    [Fact]
    public async Task OnItsOwn_ServesOnlyTheSandbox()
    {
        var folder = Directory.CreateTempSubdirectory("omnichat-sandbox-").FullName;
        var address = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
        using var sandbox = await ConsoleProcess.StartSandboxAsync(address, new Uri("http://127.0.0.1:5999/"), Path.Combine(folder, "sandbox.json"));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using (var panel = await http.GetAsync("sandbox"))
        {
            panel.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await panel.Content.ReadAsStringAsync()).ShouldContain("控制台 / Control panel");
        }
        using (var root = await http.GetAsync(""))
        {
            root.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            root.Headers.Location!.ToString().ShouldBe("/sandbox");
        }
        using (var state = await http.GetAsync("sandbox/api/state"))
        {
            var json = await state.Content.ReadAsStringAsync();
            json.ShouldContain("\"webhookUrl\":\"http://127.0.0.1:5999/webhooks/facebook\"", Case.Sensitive, "webhooks go to the console it was given");
        }
        foreach (var consolePath in new[] { "channels", "Account/Login", "healthz", "support/integrations", "webhooks/facebook" })
        {
            using var response = await http.GetAsync(consolePath);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"/{consolePath} is the console's, not the sandbox's");
        }
    }

    [Fact]
    public async Task OnItsOwn_WithoutTheConsolesAddress_RefusesToStartAndSaysWhich()
    {
        var folder = Directory.CreateTempSubdirectory("omnichat-sandbox-").FullName;
        var (exitCode, output) = await ConsoleProcess.RunToExitAsync("Development", new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}",
            ["Sandbox__StatePath"] = Path.Combine(folder, "sandbox.json"),
        }, TimeSpan.FromSeconds(60), "sandbox");

        exitCode.ShouldBe(1);
        output.ShouldContain("Sandbox:ConsoleUrl is required");
    }

    [Fact]
    public async Task ConsoleWithSandboxUrl_SendsPeopleToTheSandboxAndServesNoneOfItsRoutes()
    {
        var sandboxAddress = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
        await using var server = await ConsoleServer.StartAsync(s => s.With("Sandbox:Url", sandboxAddress.ToString()));
        using var http = server.CreateHttpClient();

        using (var panel = await http.GetAsync("sandbox/dialog/v23.0/dialog/oauth?client_id=1"))
        {
            panel.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            panel.Headers.Location!.ToString().ShouldBe(new Uri(sandboxAddress, "sandbox/dialog/v23.0/dialog/oauth?client_id=1").ToString());
        }
        using (var control = await http.PostAsync("sandbox/api/reset", null))
        {
            control.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the control API is the sandbox process's");
        }

        using var signedIn = await server.SignInAsync(Omnichat.Core.Teams.DemoAccounts.Admin.Email);
        using var start = await signedIn.GetAsync("facebook/oauth/start?purpose=Connect");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.ToString().ShouldStartWith(new Uri(sandboxAddress, "sandbox/dialog/").ToString(),
            Case.Sensitive, "Facebook's dialog is the sandbox process's");
    }
}
