using System.Net;
using System.Text.RegularExpressions;
using Omnichat.Console.Resources;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Deployment;

/// <summary>A training deployment: Production with <c>Sandbox:Enabled=true</c> set on purpose.</summary>
public sealed partial class SandboxInProductionTests : IAsyncLifetime
{
    private readonly ConsoleServer server = new ConsoleServer().WithEnvironment("Production").With("Sandbox:Enabled", "true");

    public Task InitializeAsync() => ((IAsyncLifetime)server).InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync().AsTask();

    [Fact]
    public async Task SignInPage_SandboxOutsideDevelopment_ShowsTheStripAndNoPublishedPassword()
    {
        using var client = server.CreateHttpClient();

        var html = await client.GetStringAsync("/Account/Login");

        html.ShouldContain("data-testid=\"sandbox-strip\"");
        html.ShouldContain(Text.ZhTw(SharedStrings.ResourceManager, nameof(SharedStrings.SandboxStrip)));
        html.ShouldContain("data-testid=\"demo-password-in-log\"");
        html.ShouldNotContain(DemoAccounts.Password);
    }

    [Fact]
    public async Task SignIn_PublishedDemoPassword_IsRefused()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => server.SignInAsync(DemoAccounts.Admin.Email, DemoAccounts.Password));

        refused.Message.ShouldContain("failed");
    }

    [Fact]
    public async Task SignIn_PasswordFromTheStartLog_OpensTheConsoleWithTheStrip()
    {
        var warning = server.Logs.Lines.Single(l => l.Contains("Their password until the next start", StringComparison.Ordinal));
        warning.ShouldContain("Sandbox:Enabled=true");
        var password = LoggedPassword().Match(warning).Groups[1].Value;

        using var client = await server.SignInAsync(DemoAccounts.Admin.Email, password);
        using var response = await client.GetAsync("/channels/facebook");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"sandbox-strip\"");
    }

    [Fact]
    public void Start_SandboxOutsideDevelopment_LogsWhyTheStripIsShown()
    {
        server.Logs.Lines.ShouldContain(l => l.Contains("sandbox is on outside Development", StringComparison.Ordinal)
            && l.Contains("not connected to Facebook", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"next start: (\S+)")]
    private static partial Regex LoggedPassword();
}
