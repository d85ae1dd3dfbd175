using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Omnichat.Console.Resources;
using Omnichat.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omnichat.Tests.Components.Account;

/// <summary>
/// The sign-in page refuses an unknown e-mail, a wrong password and a locked-out account with the same page, so it
/// tells no one which accounts exist. Timings are printed, not asserted (a shared machine's clock is no test).
/// </summary>
public sealed partial class SignInRefusalTests(ConsoleServer server, ITestOutputHelper output) : IClassFixture<ConsoleServer>
{
    private const string UnknownEmail = "nobody@demo.local";

    private static readonly string Refusal = string.Format(CultureInfo.InvariantCulture,
        AccountStrings.ResourceManager.GetString(nameof(AccountStrings.InvalidCredentials), CultureInfo.GetCultureInfo("zh-TW"))!, 10, 5);

    private sealed record Attempt(HttpStatusCode Status, string Page, TimeSpan Elapsed);

    private async Task<Attempt> SignInAsync(string email, string password)
    {
        using var client = server.CreateHttpClient();
        var form = await client.GetStringAsync("Account/Login");
        var token = WebUtility.HtmlDecode(AntiforgeryValue().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("Account/Login", content);
        var elapsed = clock.Elapsed;
        var page = await response.Content.ReadAsStringAsync();
        // What may differ: the antiforgery token and Blazor's state, both encrypted afresh, and the typed e-mail kept in the form.
        page = AntiforgeryValue().Replace(page, "name=\"__RequestVerificationToken\" value=\"TOKEN\"");
        page = ComponentState().Replace(page, "<!--Blazor-Server-Component-State:STATE-->")
            .Replace($"value=\"{WebUtility.HtmlEncode(email)}\"", "value=\"EMAIL\"");
        return new Attempt(response.StatusCode, page, elapsed);
    }

    [Fact]
    public async Task SignIn_UnknownEmailAndWrongPassword_AnswerTheSamePage()
    {
        var unknown = await SignInAsync(UnknownEmail, "not-the-password");
        var known = await SignInAsync("admin@demo.local", "not-the-password");

        unknown.Status.ShouldBe(HttpStatusCode.OK);
        unknown.Page.ShouldContain(Refusal);
        known.Page.ShouldBe(unknown.Page);
    }

    [Fact]
    public async Task SignIn_LockedOutAccountWithTheRightPassword_AnswersAsAnUnknownEmail()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await SignInAsync("admin@other.local", "not-the-password");
        }

        var locked = await SignInAsync("admin@other.local", SignedInClient.DemoPassword);
        var unknown = await SignInAsync(UnknownEmail, SignedInClient.DemoPassword);

        locked.Status.ShouldBe(HttpStatusCode.OK);
        locked.Page.ShouldContain(Refusal);
        locked.Page.ShouldBe(unknown.Page);
    }

    [Fact]
    public async Task SignIn_Refusals_TakeAboutTheSameTime()
    {
        // Warm-up: the first post of each kind pays for JIT and connection set-up.
        await SignInAsync(UnknownEmail, "warm-up");
        await SignInAsync("agent@demo.local", "warm-up");
        var unknown = new List<double>();
        var known = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            unknown.Add((await SignInAsync(UnknownEmail, "not-the-password")).Elapsed.TotalMilliseconds);
            known.Add((await SignInAsync("agent@demo.local", "not-the-password")).Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"unknown e-mail: {string.Join(", ", unknown.Select(ms => ms.ToString("F0", CultureInfo.InvariantCulture)))} ms");
        output.WriteLine($"wrong password: {string.Join(", ", known.Select(ms => ms.ToString("F0", CultureInfo.InvariantCulture)))} ms");
        (await SignInAsync("agent@demo.local", SignedInClient.DemoPassword)).Status.ShouldBe(HttpStatusCode.Redirect);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^-]*-->")]
    private static partial Regex ComponentState();
}
