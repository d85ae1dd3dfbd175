using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Components.Pages.Support;
using Omnichat.Console.Endpoints;
using Omnichat.Console.Sandbox;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Deployment;

/// <summary>A real deployment: Production, the sandbox off, a public URL, SMTP; reached here on loopback.</summary>
public sealed class LiveDeploymentTests : IAsyncLifetime
{
    private const string PublicUrl = "https://console.example.test";

    private readonly ConsoleServer server = new ConsoleServer()
        .WithEnvironment("Production")
        .WithoutSandbox()
        .With("Console:PublicUrl", PublicUrl)
        // Outside Development only the public host is allowed by default; the tests reach the console on loopback too.
        .With("AllowedHosts", "console.example.test;127.0.0.1")
        .With("Email:Smtp:Host", "127.0.0.1")
        .With("Email:From", "Omnichat <alerts@example.test>");

    public Task InitializeAsync() => ((IAsyncLifetime)server).InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync().AsTask();

    [Theory]
    [InlineData("GET", "/sandbox")]
    [InlineData("GET", "/sandbox/dialog/v25.0/dialog/oauth?client_id=2000000000000001&redirect_uri=x")]
    [InlineData("GET", "/sandbox/graph/v25.0/me")]
    [InlineData("GET", "/sandbox/api/state")]
    [InlineData("POST", "/sandbox/api/reset")]
    [InlineData("POST", "/sandbox/api/users/780170000000001/password-change")]
    [InlineData("GET", "/sandbox/picture/104500000000001.svg")]
    public async Task SandboxRoute_SandboxOff_IsNotFound(string method, string path)
    {
        using var client = server.CreateHttpClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SandboxPanel_PersonWithBrowser_GetsTheConsolesNotFoundPage()
    {
        using var client = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(Text.ZhTw(Omnichat.Console.Resources.SharedStrings.ResourceManager, nameof(Omnichat.Console.Resources.SharedStrings.NotFoundTitle)));
        html.ShouldNotContain("Control panel");
    }

    [Fact]
    public async Task SignInPage_SandboxOff_ShowsNoStripAndNoDemoAccounts()
    {
        using var client = server.CreateHttpClient();

        var html = await client.GetStringAsync("/Account/Login");

        html.ShouldNotContain("data-testid=\"sandbox-strip\"");
        html.ShouldNotContain("data-testid=\"demo-accounts\"");
    }

    [Fact]
    public async Task Request_HostOtherThanThePublicUrl_IsRefused()
    {
        using var client = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Healthz_KeysWithoutCertificate_ReportsTheWarning()
    {
        using var client = server.CreateHttpClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(HealthEndpoints.Path));

        json.RootElement.GetProperty("status").GetString().ShouldBe("ok");
        json.RootElement.GetProperty("dataProtectionKeys").GetString().ShouldBe("unencrypted");
        json.RootElement.GetProperty("warnings")[0].GetString().ShouldBe(Omnichat.Core.Operations.ConsoleHealthCheck.UnencryptedKeysWarning);
    }

    [Fact]
    public void Start_KeysWithoutCertificate_WarnsInTheLog()
    {
        server.Logs.Lines.ShouldContain(l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("stored unencrypted", StringComparison.Ordinal) && l.Contains("DataProtection:CertificatePath", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_Always_LogsTheWebhookUrlFromThePublicUrlButNotTheVerifyToken()
    {
        var line = server.Logs.Lines.Single(l => l.Contains("Facebook webhook callback URL", StringComparison.Ordinal));

        line.ShouldContain($"{PublicUrl}/webhooks/facebook");
        line.ShouldContain($"{PublicUrl}/support/meta-app");
        line.ShouldNotContain(server.Services.GetRequiredService<Omnichat.Core.Messaging.WebhookVerifyToken>().Value);
    }

    [Fact]
    public async Task Webhook_SignedWithTheSandboxSecret_IsRefusedAndNotStored()
    {
        using var client = server.CreateHttpClient();
        var body = """{"object":"page","entry":[{"id":"104500000000001","time":1,"messaging":[]}]}"""u8.ToArray();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, SandboxCredentials.AppSecret));

        using var response = await client.PostAsync("/webhooks/facebook", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        (await db.WebhookDeliveries.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task MetaAppSettings_SupportStaff_ShowsTheUrlsFromThePublicUrl()
    {
        using var client = await SignInAsSupportAsync();

        var html = await client.GetStringAsync(MetaAppSettingsPage.Path);

        html.ShouldContain($"{PublicUrl}/facebook/oauth/callback");
        html.ShouldContain($"{PublicUrl}/webhooks/facebook");
        html.ShouldContain($"{PublicUrl}/webhooks/facebook/deauthorize");
        html.ShouldContain("data-testid=\"meta-keys-unencrypted\"");
    }

    [Fact]
    public async Task MetaAppSettings_Anonymous_GoesToSignIn()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync(MetaAppSettingsPage.Path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldStartWith("/Account/Login");
    }

    /// <summary>A real deployment has no demo accounts: support staff are created as an operator would.</summary>
    private async Task<HttpClient> SignInAsSupportAsync()
    {
        const string email = "support@example.test";
        const string password = "Support-staff-1-" + "x9";
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new ConsoleUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Support" };
            (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Support)).Succeeded.ShouldBeTrue();
        }
        return await server.SignInAsync(email, password);
    }
}
