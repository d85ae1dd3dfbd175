using System.Net.Http.Json;
using System.Text.Json;

namespace Omnichat.Tests.Infrastructure;

/// <summary>The sandbox's JSON control API, as tests use it: the same actions a person takes on /sandbox.</summary>
public sealed class SandboxControl(HttpClient http)
{
    public async Task<JsonElement> StateAsync()
    {
        using var response = await http.GetAsync("sandbox/api/state");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<IReadOnlyList<string>> SubscribedAppsAsync(string pageId)
    {
        var state = await StateAsync();
        var page = state.GetProperty("pages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == pageId);
        return page.GetProperty("subscribedApps").EnumerateArray().Select(a => a.GetString()!).ToList();
    }

    /// <summary>Finishes the consent dialog as the given Facebook user would, and returns the URL it redirects to.</summary>
    /// <param name="configId">The dialog's config_id; the sandbox's system-user configuration installs the app for <paramref name="businessId"/>.</param>
    public async Task<Uri> AuthorizeAsync(string userId, string clientId, string redirectUri, string state,
        object pages, object? businesses = null, IReadOnlyList<string>? declinedScopes = null, string? configId = null, string? businessId = null)
    {
        using var response = await http.PostAsJsonAsync("sandbox/api/oauth/authorize", new
        {
            userId,
            clientId,
            redirectUri,
            state,
            pages,
            businesses = businesses ?? "all",
            declinedScopes = declinedScopes ?? [],
            configId,
            businessId,
        });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sandbox authorize failed: {(int)response.StatusCode} {body}");
        }
        return new Uri(JsonDocument.Parse(body).RootElement.GetProperty("redirectUrl").GetString()!);
    }

    public async Task PostAsync(string path)
    {
        using var response = await http.PostAsync($"sandbox/api/{path}", null);
        response.EnsureSuccessStatusCode();
    }

    public async Task SendAsync(HttpMethod method, string path)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, $"sandbox/api/{path}"));
        response.EnsureSuccessStatusCode();
    }

    public async Task PostJsonAsync(string path, object body)
    {
        using var response = await http.PostAsJsonAsync($"sandbox/api/{path}", body);
        response.EnsureSuccessStatusCode();
    }

    public async Task PutAsync(string path, object body)
    {
        using var response = await http.PutAsJsonAsync($"sandbox/api/{path}", body);
        response.EnsureSuccessStatusCode();
    }
}
