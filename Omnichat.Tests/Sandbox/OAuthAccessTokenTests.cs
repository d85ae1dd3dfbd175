using System.Net;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

public sealed class OAuthAccessTokenTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ExchangeCode_FreshCode_ReturnsShortLivedBearerToken()
    {
        var code = await sandbox.AuthorizeAsync(DemoWorld.DanaId);

        using var response = await sandbox.ExchangeAsync(code);

        var json = await SandboxDriver.JsonAsync(response, HttpStatusCode.OK);
        json.GetProperty("access_token").GetString()!.ShouldStartWith("EAA");
        json.GetProperty("access_token").GetString()!.Length.ShouldBeGreaterThan(140);
        json.GetProperty("token_type").GetString().ShouldBe("bearer");
        json.GetProperty("expires_in").GetInt64().ShouldBeInRange(3600, 7200);
    }

    [Fact]
    public async Task ExchangeCode_UsedTwice_Fails100With36009AndInvalidCodeHeader()
    {
        var code = await sandbox.AuthorizeAsync(DemoWorld.DanaId);
        (await sandbox.ExchangeAsync(code)).EnsureSuccessStatusCode();

        using var response = await sandbox.ExchangeAsync(code);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await SandboxDriver.ErrorAsync(response, 100, 36009);
        error.GetProperty("message").GetString().ShouldBe("This authorization code has been used.");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("OAuth \"Facebook Platform\" \"invalid_code\" \"This authorization code has been used.\"");
    }

    [Fact]
    public async Task ExchangeCode_AfterTenMinutes_Fails100With36007()
    {
        var code = await sandbox.AuthorizeAsync(DemoWorld.DanaId);
        (await sandbox.ControlAsync(HttpMethod.Post, "clock/advance", new { minutes = 11 })).EnsureSuccessStatusCode();

        using var response = await sandbox.ExchangeAsync(code);

        var error = await SandboxDriver.ErrorAsync(response, 100, 36007);
        error.GetProperty("message").GetString().ShouldBe("This authorization code has expired.");
    }

    [Fact]
    public async Task ExchangeCode_OtherRedirectUri_Fails100With36008()
    {
        var code = await sandbox.AuthorizeAsync(DemoWorld.DanaId);

        using var response = await sandbox.ExchangeAsync(code, redirectUri: sandbox.RedirectUri + "?x=1");

        var error = await SandboxDriver.ErrorAsync(response, 100, 36008);
        error.GetProperty("message").GetString()!.ShouldStartWith("Error validating verification code.");
    }

    [Fact]
    public async Task ExchangeCode_WrongClientIdOrSecret_Fails101Or1()
    {
        var code = await sandbox.AuthorizeAsync(DemoWorld.DanaId);

        using var badId = await sandbox.ExchangeAsync(code, clientId: "999");
        using var badSecret = await sandbox.ExchangeAsync(code, secret: "nope");

        (await SandboxDriver.ErrorAsync(badId, 101, null)).GetProperty("message").GetString().ShouldBe("Error validating application. Invalid application ID.");
        (await SandboxDriver.ErrorAsync(badSecret, 1, null)).GetProperty("message").GetString().ShouldBe("Error validating client secret.");
    }

    [Fact]
    public async Task FbExchangeToken_ShortLivedToken_ReturnsSixtyDayToken()
    {
        var shortLived = await sandbox.UserTokenAsync(DemoWorld.DanaId);

        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph("oauth/access_token", new()
        {
            ["grant_type"] = "fb_exchange_token",
            ["client_id"] = sandbox.App.AppId,
            ["client_secret"] = sandbox.App.AppSecret,
            ["fb_exchange_token"] = shortLived,
        }));

        var json = await SandboxDriver.JsonAsync(response, HttpStatusCode.OK);
        json.GetProperty("expires_in").GetInt64().ShouldBe(5183944);
        json.GetProperty("access_token").GetString().ShouldNotBe(shortLived);
    }

    [Fact]
    public async Task ClientCredentials_AppSecret_ReturnsAppTokenThatDebugTokenAccepts()
    {
        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph("oauth/access_token", new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = sandbox.App.AppId,
            ["client_secret"] = sandbox.App.AppSecret,
        }));
        var appToken = (await SandboxDriver.JsonAsync(response, HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
        var userToken = await sandbox.UserTokenAsync(DemoWorld.DanaId);

        using var debug = await sandbox.Client.GetAsync(SandboxDriver.Graph("debug_token", new() { ["input_token"] = userToken, ["access_token"] = appToken }));

        appToken.ShouldStartWith(sandbox.App.AppId + "|");
        appToken.ShouldNotContain(sandbox.App.AppSecret);
        (await SandboxDriver.JsonAsync(debug, HttpStatusCode.OK)).GetProperty("data").GetProperty("is_valid").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task ErrorResponse_AnyVersion_CarriesMetaHeaders()
    {
        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph("me", new() { ["access_token"] = "garbage" }, version: "v24.0"));

        await SandboxDriver.ErrorAsync(response, 190, null);
        response.Headers.GetValues("facebook-api-version").Single().ShouldBe("v24.0");
        response.Headers.GetValues("x-fb-trace-id").Single().ShouldNotBeNullOrEmpty();
        response.Headers.GetValues("x-fb-rev").Single().ShouldNotBeNullOrEmpty();
        response.Headers.GetValues("x-app-usage").Single().ShouldContain("call_count");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("OAuth \"Facebook Platform\" \"invalid_token\"");
    }
}
