using System.Net;
using System.Text.RegularExpressions;

namespace Omnichat.Tests.Infrastructure;

/// <summary>Signs in through the real login form over HTTP and keeps the cookie, like a browser without JavaScript.</summary>
public static partial class SignedInClient
{
    public const string DemoPassword = "Omnichat-demo-1";

    public static async Task<HttpClient> SignInAsync(this ConsoleServer server, string email, string password = DemoPassword,
        CookieContainer? cookies = null)
    {
        var client = server.CreateHttpClient(cookies: cookies);
        var form = await client.GetStringAsync("Account/Login");
        var token = AntiforgeryField().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("the login page has no antiforgery field");
        }
        using var response = await client.PostAsync("Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {email} failed with {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>Presses the layout's sign-out button: a form post with the antiforgery token of a signed-in page.</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(this HttpClient client, string signedInPage = "channels/facebook")
    {
        var html = await client.GetStringAsync(signedInPage);
        var token = AntiforgeryField().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{signedInPage} has no antiforgery field");
        }
        return await client.PostAsync("Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
