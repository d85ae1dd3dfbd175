using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Deployment;

/// <summary>
/// Behind a reverse proxy the sign-in cookie must be Secure when the visitor came over https: the proxy says so in
/// X-Forwarded-Proto, and only a proxy named in Console:TrustedProxies is believed.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.9.9.9", false)]
    public async Task SignIn_ForwardedHttps_CookieIsSecureOnlyFromATrustedProxy(string trustedProxy, bool secure)
    {
        await using var server = await ConsoleServer.StartAsync(s => s.With("Console:TrustedProxies:0", trustedProxy));
        using var client = server.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var cookies = await SignInCookiesAsync(client);

        cookies.ShouldContain(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        cookies.Where(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal))
            .ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase) == secure);
    }

    private static async Task<IReadOnlyList<string>> SignInCookiesAsync(HttpClient client)
    {
        var form = await client.GetStringAsync("Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
            ["Input.Email"] = DemoAccounts.Admin.Email,
            ["Input.Password"] = DemoAccounts.Password,
        }));
        return response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
    }
}
