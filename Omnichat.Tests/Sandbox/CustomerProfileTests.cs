using System.Net;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

/// <summary>The sandbox's Messenger User Profile API, <c>GET {psid}?fields=first_name,last_name,profile_pic</c>, over HTTP.</summary>
public sealed class CustomerProfileTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private const string Psid = "7400000000000001";
    private const string Fields = "first_name,last_name,profile_pic";
    private static readonly string PageId = DemoWorld.ShopPageId(3);
    private static readonly string OtherPageId = DemoWorld.ShopPageId(4);
    private readonly SandboxDriver sandbox = new(server);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> PageTokenAsync(string pageId, string[]? declined = null) =>
        await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId, declined: declined), pageId);

    private async Task CustomerWritesAsync(string pageId, string psid, string? firstName = null, string? lastName = null)
    {
        var body = new { psid, text = "hi", firstName, lastName };
        using var response = await sandbox.ControlAsync(HttpMethod.Post, $"pages/{pageId}/customer-messages", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> ProfileAsync(string psid, string token) =>
        sandbox.Client.GetAsync(SandboxDriver.Graph(psid, new() { ["fields"] = Fields, ["access_token"] = token }));

    [Fact]
    public async Task Get_CustomerOfThePage_ReturnsNamesDerivedFromThePsid()
    {
        await CustomerWritesAsync(PageId, Psid);

        using var response = await ProfileAsync(Psid, await PageTokenAsync(PageId));

        var json = await SandboxDriver.JsonAsync(response, HttpStatusCode.OK);
        var (first, last) = CustomerNames.For(Psid);
        json.GetProperty("first_name").GetString().ShouldBe(first);
        json.GetProperty("last_name").GetString().ShouldBe(last);
        json.GetProperty("id").GetString().ShouldBe(Psid);
        json.GetProperty("profile_pic").GetString().ShouldStartWith(server.BaseAddress.ToString().TrimEnd('/') + "/sandbox/picture/customer/");
    }

    [Fact]
    public async Task Get_NameGivenWithTheMessage_ReturnsThatName()
    {
        await CustomerWritesAsync(PageId, Psid, "Amy", "Wang");

        using var response = await ProfileAsync(Psid, await PageTokenAsync(PageId));

        var json = await SandboxDriver.JsonAsync(response, HttpStatusCode.OK);
        (json.GetProperty("first_name").GetString(), json.GetProperty("last_name").GetString()).ShouldBe(("Amy", "Wang"));
    }

    [Fact]
    public async Task Get_PsidOfAnotherPage_Fails100Subcode33AsGraphMethodException()
    {
        await CustomerWritesAsync(OtherPageId, Psid);

        using var response = await ProfileAsync(Psid, await PageTokenAsync(PageId));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        var error = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("error");
        (error.GetProperty("code").GetInt32(), error.GetProperty("error_subcode").GetInt32()).ShouldBe((100, 33));
        error.GetProperty("type").GetString().ShouldBe("GraphMethodException");
        error.GetProperty("message").GetString().ShouldBe(
            $"Unsupported get request. Object with ID '{Psid}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
    }

    [Fact]
    public async Task Get_TokenKilledByPasswordChange_Fails190()
    {
        await CustomerWritesAsync(PageId, Psid);
        var token = await PageTokenAsync(PageId);
        (await sandbox.ControlAsync(HttpMethod.Post, $"users/{DemoWorld.DanaId}/password-change")).EnsureSuccessStatusCode();

        using var response = await ProfileAsync(Psid, token);

        await SandboxDriver.ErrorAsync(response, 190, 460);
    }

    [Fact]
    public async Task Get_TokenWithoutPagesMessaging_Fails230()
    {
        await CustomerWritesAsync(PageId, Psid);

        using var response = await ProfileAsync(Psid, await PageTokenAsync(PageId, declined: ["pages_messaging"]));

        await SandboxDriver.ErrorAsync(response, 230, null);
    }

    [Fact]
    public async Task Get_UnknownId_WithUserToken_StillUnknownAlias()
    {
        using var response = await sandbox.Client.GetAsync(SandboxDriver.Graph(Psid, new() { ["access_token"] = await sandbox.LongLivedTokenAsync(DemoWorld.DanaId) }));

        await SandboxDriver.ErrorAsync(response, 803, null);
    }
}
