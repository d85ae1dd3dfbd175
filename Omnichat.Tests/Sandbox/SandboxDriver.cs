using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

/// <summary>Talks to the sandbox of a running console over HTTP the way the console's Graph client and a test author would.</summary>
public sealed class SandboxDriver : IDisposable
{
    public const string Version = "v25.0";

    private readonly ConsoleServer server;

    public SandboxDriver(ConsoleServer server)
    {
        this.server = server;
        Client = server.CreateHttpClient();
        App = server.Services.GetRequiredService<IOptions<FacebookOptions>>().Value;
    }

    public HttpClient Client { get; }
    public FacebookOptions App { get; }
    public string RedirectUri => new Uri(server.BaseAddress, "facebook/oauth/callback").ToString();
    public string AppToken => $"{App.AppId}|{App.AppSecret}";

    public async Task ResetAsync() => (await Client.PostAsync("/sandbox/api/reset", null)).EnsureSuccessStatusCode();

    public async Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, "/sandbox/api/" + path) { Content = body is null ? null : JsonContent.Create(body) };
        return await Client.SendAsync(request);
    }

    /// <summary>Finishes the consent as <paramref name="userId"/> through the control API and returns the code.</summary>
    public async Task<string> AuthorizeAsync(string userId, object? pages = null, object? businesses = null, string[]? declined = null, string state = "st4te")
    {
        using var response = await ControlAsync(HttpMethod.Post, "oauth/authorize", new
        {
            userId,
            clientId = App.AppId,
            redirectUri = RedirectUri,
            state,
            pages = pages ?? "all",
            businesses = businesses ?? "all",
            declinedScopes = declined ?? [],
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var redirect = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redirectUrl").GetString()!;
        return CodeFrom(redirect);
    }

    /// <summary>Finishes the dialog of the sandbox's system-user configuration as <paramref name="personId"/> for a business; returns the code.</summary>
    public async Task<string> SystemUserCodeAsync(string personId, string businessId, object pages)
    {
        using var response = await ControlAsync(HttpMethod.Post, "oauth/authorize", new
        {
            userId = personId,
            clientId = App.AppId,
            redirectUri = RedirectUri,
            state = "st4te",
            pages,
            configId = Omnichat.Console.Sandbox.World.DemoWorld.SystemUserConfigId,
            businessId,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return CodeFrom((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redirectUrl").GetString()!);
    }

    public static string CodeFrom(string redirectUrl)
    {
        redirectUrl.ShouldEndWith("#_=_");
        var query = QueryHelpers.ParseQuery(new Uri(redirectUrl).Query);
        return query["code"].ToString();
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? redirectUri = null, string? clientId = null, string? secret = null) =>
        Client.GetAsync(Graph("oauth/access_token", new()
        {
            ["client_id"] = clientId ?? App.AppId,
            ["redirect_uri"] = redirectUri ?? RedirectUri,
            ["client_secret"] = secret ?? App.AppSecret,
            ["code"] = code,
        }));

    /// <summary>A short-lived user token, as after the console's code exchange.</summary>
    public async Task<string> UserTokenAsync(string userId, object? pages = null, object? businesses = null, string[]? declined = null)
    {
        using var response = await ExchangeAsync(await AuthorizeAsync(userId, pages, businesses, declined));
        var json = await JsonAsync(response, HttpStatusCode.OK);
        return json.GetProperty("access_token").GetString()!;
    }

    public async Task<string> LongLivedTokenAsync(string userId, object? pages = null, object? businesses = null, string[]? declined = null)
    {
        var shortLived = await UserTokenAsync(userId, pages, businesses, declined);
        using var response = await Client.GetAsync(Graph("oauth/access_token", new()
        {
            ["grant_type"] = "fb_exchange_token",
            ["client_id"] = App.AppId,
            ["client_secret"] = App.AppSecret,
            ["fb_exchange_token"] = shortLived,
        }));
        return (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
    }

    public async Task<string> PageTokenAsync(string userToken, string pageId)
    {
        using var response = await Client.GetAsync(Graph(pageId, new() { ["fields"] = "access_token,name,tasks", ["access_token"] = userToken }));
        var json = await JsonAsync(response, HttpStatusCode.OK);
        return json.GetProperty("access_token").GetString()!;
    }

    public async Task<JsonElement> DebugAsync(string inputToken)
    {
        using var response = await Client.GetAsync(Graph("debug_token", new() { ["input_token"] = inputToken, ["access_token"] = AppToken }));
        return (await JsonAsync(response, HttpStatusCode.OK)).GetProperty("data");
    }

    public async Task<JsonElement> StateAsync()
    {
        using var response = await Client.GetAsync("/sandbox/api/state");
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    public static string Graph(string path, Dictionary<string, string?>? query = null, string version = Version) =>
        QueryHelpers.AddQueryString($"/sandbox/graph/{version}/{path}", query ?? []);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts a top-level Graph error and returns its <c>error</c> object.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, int code, int? subcode)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeGreaterThanOrEqualTo(400, text);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error").Clone();
        error.GetProperty("code").GetInt32().ShouldBe(code, text);
        error.GetProperty("type").GetString().ShouldBe("OAuthException");
        error.GetProperty("fbtrace_id").GetString().ShouldNotBeNullOrEmpty();
        if (subcode is null)
        {
            error.TryGetProperty("error_subcode", out _).ShouldBeFalse(text);
        }
        else
        {
            error.GetProperty("error_subcode").GetInt32().ShouldBe(subcode.Value, text);
        }
        return error;
    }

    public void Dispose() => Client.Dispose();
}
