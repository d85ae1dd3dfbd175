using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

/// <summary>Drives the consent dialog over plain HTTP, as a browser without JavaScript would.</summary>
public sealed partial class ConsentDialogTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    private string DialogUrl(string clientId, string? redirectUri = null) => QueryHelpers.AddQueryString("/sandbox/dialog/v25.0/dialog/oauth", new Dictionary<string, string?>
    {
        ["client_id"] = clientId,
        ["redirect_uri"] = redirectUri ?? sandbox.RedirectUri,
        ["state"] = "s-123",
        ["response_type"] = "code",
        ["scope"] = "pages_show_list,pages_messaging,pages_manage_metadata,business_management",
    });

    private static async Task<List<KeyValuePair<string, string>>> HiddenFieldsAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return [.. HiddenInput().Matches(html).Select(m => new KeyValuePair<string, string>(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)))];
    }

    private async Task<HttpResponseMessage> PostAsync(string url, List<KeyValuePair<string, string>> hidden, params (string Name, string Value)[] fields)
    {
        var form = hidden.Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await sandbox.Client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task Dialog_ClickedThroughWithTwoPages_RedirectsWithCodeAndStateAndRecordsGrant()
    {
        var url = DialogUrl(sandbox.App.AppId);
        using var start = await sandbox.Client.GetAsync(url);
        var html = await start.Content.ReadAsStringAsync();
        html.ShouldContain("以 Dana Chen 的身份繼續");
        var hidden = await HiddenFieldsAsync(start);
        hidden.ShouldContain(f => f.Key == "__RequestVerificationToken");

        using var pages = await PostAsync(url, hidden, ("Form.Action", "continue"));
        (await pages.Content.ReadAsStringAsync()).ShouldContain("只存取目前的粉絲專頁");
        using var businesses = await PostAsync(url, await HiddenFieldsAsync(pages), ("Form.Action", "pages-next"), ("Form.PagesMode", "current"),
            ("Form.PageIds", DemoWorld.ShopPageId(2)), ("Form.PageIds", DemoWorld.ShopPageId(3)));
        (await businesses.Content.ReadAsStringAsync()).ShouldContain("目前商家");
        using var permissions = await PostAsync(url, await HiddenFieldsAsync(businesses), ("Form.Action", "businesses-next"), ("Form.BusinessesMode", "current"));
        (await permissions.Content.ReadAsStringAsync()).ShouldContain("儲存");
        using var done = await PostAsync(url, await HiddenFieldsAsync(permissions), ("Form.Action", "permissions-save"),
            ("Form.Granted", "pages_show_list"), ("Form.Granted", "pages_messaging"), ("Form.Granted", "pages_manage_metadata"));
        (await done.Content.ReadAsStringAsync()).ShouldContain("已將 Omnichat 連結到 Facebook");
        using var finish = await PostAsync(url, await HiddenFieldsAsync(done), ("Form.Action", "confirm"));

        finish.StatusCode.ShouldBe(HttpStatusCode.Redirect, await finish.Content.ReadAsStringAsync());
        var location = finish.Headers.Location!.ToString();
        location.ShouldStartWith(sandbox.RedirectUri + "?code=");
        location.ShouldContain("state=s-123");
        using var exchange = await sandbox.ExchangeAsync(SandboxDriver.CodeFrom(location));
        var token = (await SandboxDriver.JsonAsync(exchange, HttpStatusCode.OK)).GetProperty("access_token").GetString()!;
        var data = await sandbox.DebugAsync(token);
        data.GetProperty("granular_scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "pages_messaging")
            .GetProperty("target_ids").EnumerateArray().Select(t => t.GetString()).ShouldBe([DemoWorld.ShopPageId(2), DemoWorld.ShopPageId(3)]);
        data.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldNotContain("business_management");
    }

    [Fact]
    public async Task Dialog_SystemUserConfiguration_ChoosesBusinessAndPages_AndTheCodeIsTheBusinessSystemUsers()
    {
        var url = QueryHelpers.AddQueryString("/sandbox/dialog/v25.0/dialog/oauth", new Dictionary<string, string?>
        {
            ["client_id"] = sandbox.App.AppId,
            ["redirect_uri"] = sandbox.RedirectUri,
            ["state"] = "s-su",
            ["config_id"] = DemoWorld.SystemUserConfigId,
            ["response_type"] = "code",
            ["override_default_response_type"] = "true",
        });
        using var start = await sandbox.Client.GetAsync(url);

        using var assets = await PostAsync(url, await HiddenFieldsAsync(start), ("Form.Action", "continue"));
        var html = await assets.Content.ReadAsStringAsync();
        html.ShouldContain("要以哪個商家連結 Omnichat？");
        html.ShouldContain($"dialog-system-business-{DemoWorld.TradingBusinessId}");
        using var done = await PostAsync(url, await HiddenFieldsAsync(assets), ("Form.Action", "system-user-next"),
            ("Form.BusinessId", DemoWorld.TradingBusinessId), ("Form.PageIds", DemoWorld.ShopPageId(1)));
        (await done.Content.ReadAsStringAsync()).ShouldContain("已將 Omnichat 連結到 Facebook");
        using var finish = await PostAsync(url, await HiddenFieldsAsync(done), ("Form.Action", "confirm"));

        finish.StatusCode.ShouldBe(HttpStatusCode.Redirect, await finish.Content.ReadAsStringAsync());
        using var exchange = await sandbox.ExchangeAsync(SandboxDriver.CodeFrom(finish.Headers.Location!.ToString()));
        var answer = await SandboxDriver.JsonAsync(exchange, HttpStatusCode.OK);
        answer.TryGetProperty("expires_in", out _).ShouldBeFalse("a system user's token does not expire");
        var data = await sandbox.DebugAsync(answer.GetProperty("access_token").GetString()!);
        (data.GetProperty("type").GetString(), data.GetProperty("user_id").GetString(), data.GetProperty("expires_at").GetInt64())
            .ShouldBe(("SYSTEM_USER", DemoWorld.SystemUserIdOf(DemoWorld.TradingBusinessId), 0L));
        data.GetProperty("granular_scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "pages_messaging")
            .GetProperty("target_ids").EnumerateArray().Select(t => t.GetString()).ShouldBe([DemoWorld.ShopPageId(1)]);
    }

    [Fact]
    public async Task Dialog_PagesStep_UnderAll_EveryPageTickedAndLocked_TheEditableListForCurrentOnly()
    {
        var url = DialogUrl(sandbox.App.AppId);
        using var start = await sandbox.Client.GetAsync(url);

        using var pages = await PostAsync(url, await HiddenFieldsAsync(start), ("Form.Action", "continue"));

        var html = await pages.Content.ReadAsStringAsync();
        // A first consent starts on "all": each page once in the locked list, ticked, disabled and so never posted.
        var locked = LockedPage().Matches(html).Select(m => m.Groups[1].Value).ToList();
        locked.ShouldContain(DemoWorld.ShopPageId(1));
        locked.ShouldContain(DemoWorld.PartnerPageId);
        locked.Count.ShouldBe(EditablePage().Matches(html).Count, "the same pages in both lists");
        html.ShouldContain("class=\"fb-list fb-list-all\"");
        html.ShouldContain("class=\"fb-list fb-list-current\"");
    }

    [GeneratedRegex("<input type=\"checkbox\" checked disabled data-testid=\"dialog-page-all-(\\d+)\"")]
    private static partial Regex LockedPage();

    [GeneratedRegex("<input type=\"checkbox\" name=\"Form.PageIds\" value=\"(\\d+)\"")]
    private static partial Regex EditablePage();

    [Fact]
    public async Task Dialog_Cancel_RedirectsWithAccessDenied()
    {
        var url = DialogUrl(sandbox.App.AppId);
        using var start = await sandbox.Client.GetAsync(url);

        using var cancel = await PostAsync(url, await HiddenFieldsAsync(start), ("Form.Action", "cancel"));

        cancel.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        cancel.Headers.Location!.ToString().ShouldBe(
            sandbox.RedirectUri + "?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=s-123#_=_");
    }

    [Fact]
    public async Task Dialog_ReturningUser_ContinueJumpsToDone()
    {
        await sandbox.AuthorizeAsync(DemoWorld.DanaId, pages: new[] { DemoWorld.ShopPageId(1) });
        var url = DialogUrl(sandbox.App.AppId);
        using var start = await sandbox.Client.GetAsync(url);
        (await start.Content.ReadAsStringAsync()).ShouldContain("編輯設定");

        using var done = await PostAsync(url, await HiddenFieldsAsync(start), ("Form.Action", "continue"));

        (await done.Content.ReadAsStringAsync()).ShouldContain("已將 Omnichat 連結到 Facebook");
    }

    [Theory]
    [InlineData("999", null)]
    [InlineData(null, "https://evil.example/callback")]
    public async Task Dialog_UnknownClientOrForeignRedirect_ShowsErrorWithoutRedirect(string? clientId, string? redirectUri)
    {
        using var response = await sandbox.Client.GetAsync(DialogUrl(clientId ?? sandbox.App.AppId, redirectUri));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"dialog-error\"");
    }
}
