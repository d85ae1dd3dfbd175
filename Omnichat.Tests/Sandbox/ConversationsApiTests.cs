using System.Net;
using System.Text.Json;
using Omnichat.Console.Sandbox.World;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Sandbox;

/// <summary>The sandbox's Conversations API (§17): Meta's shapes, cursor paging, the 20-message detail limit, 2 calls/s, high volume.</summary>
public sealed class ConversationsApiTests(ConsoleServer server) : IClassFixture<ConsoleServer>, IAsyncLifetime
{
    private readonly SandboxDriver sandbox = new(server);
    private static readonly string PageId = DemoWorld.ShopPageId(9);

    public Task InitializeAsync() => sandbox.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> PageTokenAsync() =>
        await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId), PageId);

    private async Task WriteAsync(string psid, string text)
    {
        using var response = await sandbox.ControlAsync(HttpMethod.Post, $"pages/{PageId}/customer-messages", new { psid, text });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Each call keeps to the page's 2 calls per second, so only the tests about the limit meet it.</summary>
    private async Task<HttpResponseMessage> PacedGetAsync(string pathOrUrl)
    {
        await Task.Delay(600);
        return await sandbox.Client.GetAsync(pathOrUrl);
    }

    [Fact]
    public async Task List_SeveralThreads_NewestFirstWithCursorsAndNext()
    {
        var token = await PageTokenAsync();
        await WriteAsync("7100000000000001", "first");
        await Task.Delay(1100);
        await WriteAsync("7100000000000002", "second");
        await Task.Delay(1100);
        await WriteAsync("7100000000000003", "third");

        using var first = await PacedGetAsync(SandboxDriver.Graph($"{PageId}/conversations", new() { ["platform"] = "messenger", ["limit"] = "2", ["access_token"] = token }));
        var page1 = await SandboxDriver.JsonAsync(first, HttpStatusCode.OK);
        using var second = await PacedGetAsync(page1.GetProperty("paging").GetProperty("next").GetString()!);
        var page2 = await SandboxDriver.JsonAsync(second, HttpStatusCode.OK);

        var threads = page1.GetProperty("data").EnumerateArray().Concat(page2.GetProperty("data").EnumerateArray()).ToList();
        threads.Count.ShouldBe(3);
        threads.ShouldAllBe(t => t.GetProperty("id").GetString()!.StartsWith("t_"));
        var times = threads.Select(t => t.GetProperty("updated_time").GetString()!).ToList();
        times.ShouldAllBe(t => t.EndsWith("+0000"));
        times.ShouldBe(times.OrderByDescending(t => t, StringComparer.Ordinal).ToList(), "newest first");
        page1.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString().ShouldNotBeNullOrEmpty();
        page2.GetProperty("paging").TryGetProperty("next", out _).ShouldBeFalse("the last page has no next");
    }

    [Fact]
    public async Task Conversation_TwentyFiveMessages_OnlyTheTwentyMostRecentCarryDetails()
    {
        var token = await PageTokenAsync();
        for (var i = 0; i < 25; i++)
        {
            await WriteAsync("7100000000000009", $"message {i}");
        }
        using var list = await PacedGetAsync(SandboxDriver.Graph($"{PageId}/conversations", new() { ["platform"] = "messenger", ["access_token"] = token }));
        var id = (await SandboxDriver.JsonAsync(list, HttpStatusCode.OK)).GetProperty("data")[0].GetProperty("id").GetString()!;

        using var read = await PacedGetAsync(SandboxDriver.Graph(id, new()
        {
            ["fields"] = "messages{id,created_time,from,to,message,attachments}", ["access_token"] = token,
        }));
        var messages = (await SandboxDriver.JsonAsync(read, HttpStatusCode.OK)).GetProperty("messages").GetProperty("data").EnumerateArray().ToList();

        messages.Count.ShouldBe(25);
        messages.Take(20).Select(m => m.GetProperty("message").GetString()).ShouldBe(Enumerable.Range(5, 20).Reverse().Select(i => $"message {i}"));
        messages.Take(20).ShouldAllBe(m => m.GetProperty("from").GetProperty("id").GetString() == "7100000000000009"
            && m.GetProperty("to").GetProperty("data")[0].GetProperty("id").GetString() == PageId);
        messages.Skip(20).Select(m => string.Join(',', m.EnumerateObject().Select(p => p.Name).Order()))
            .ShouldAllBe(names => names == "created_time,id", "older than the 20 most recent: id and time only");
    }

    [Fact]
    public async Task CustomerMessage_PageNotSubscribed_KeptInTheThreadUnderTheWebhookMidButNotDelivered()
    {
        var token = await PageTokenAsync();
        await WriteAsync("7100000000000004", "while nobody listens");
        JsonElement delivery = default;
        await Eventually.TrueAsync(async () =>
        {
            delivery = (await sandbox.StateAsync()).GetProperty("webhookDeliveries").EnumerateArray()
                .FirstOrDefault(d => d.GetProperty("pageId").GetString() == PageId);
            return delivery.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(10), "the sandbox settled the webhook");

        using var list = await PacedGetAsync(SandboxDriver.Graph($"{PageId}/conversations", new() { ["platform"] = "messenger", ["user_id"] = "7100000000000004", ["access_token"] = token }));
        var id = (await SandboxDriver.JsonAsync(list, HttpStatusCode.OK)).GetProperty("data")[0].GetProperty("id").GetString()!;
        using var read = await PacedGetAsync(SandboxDriver.Graph(id, new() { ["fields"] = "messages{id,message}", ["access_token"] = token }));
        var message = (await SandboxDriver.JsonAsync(read, HttpStatusCode.OK)).GetProperty("messages").GetProperty("data")[0];

        delivery.GetProperty("outcome").GetString().ShouldBe("notSubscribed");
        message.GetProperty("message").GetString().ShouldBe("while nobody listens");
        message.GetProperty("id").GetString().ShouldBe(delivery.GetProperty("mid").GetString(), "the thread's message id is the webhook's mid");
    }

    [Fact]
    public async Task List_ThirdCallWithinOneSecond_Refused80006AndCounted()
    {
        var token = await PageTokenAsync();
        var path = SandboxDriver.Graph($"{PageId}/conversations", new() { ["platform"] = "messenger", ["access_token"] = token });
        await Task.Delay(1100);

        using var one = await sandbox.Client.GetAsync(path);
        using var two = await sandbox.Client.GetAsync(path);
        using var three = await sandbox.Client.GetAsync(path);

        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        two.StatusCode.ShouldBe(HttpStatusCode.OK);
        await SandboxDriver.ErrorAsync(three, 80006, null);
        var usage = (await sandbox.StateAsync()).GetProperty("conversationsApi").GetProperty(PageId);
        usage.GetProperty("calls").GetInt32().ShouldBe(3);
        usage.GetProperty("refused").GetInt32().ShouldBe(1);
        usage.GetProperty("mostInOneSecond").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task HighVolume_ListingFailsButOneCustomersThreadStillReads()
    {
        var token = await PageTokenAsync();
        await WriteAsync("7100000000000005", "busy day");
        using var on = await sandbox.ControlAsync(HttpMethod.Put, $"pages/{PageId}/high-volume", new { highVolume = true });
        on.EnsureSuccessStatusCode();

        using var all = await PacedGetAsync(SandboxDriver.Graph($"{PageId}/conversations", new() { ["platform"] = "messenger", ["access_token"] = token }));
        using var one = await PacedGetAsync(SandboxDriver.Graph($"{PageId}/conversations", new() { ["platform"] = "messenger", ["user_id"] = "7100000000000005", ["access_token"] = token }));

        await SandboxDriver.ErrorAsync(all, 1, null);
        (await SandboxDriver.JsonAsync(one, HttpStatusCode.OK)).GetProperty("data").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Conversation_AnotherPagesToken_IsNotAccessible()
    {
        await WriteAsync("7100000000000006", "hello");
        var token = await PageTokenAsync();
        using var list = await PacedGetAsync(SandboxDriver.Graph($"{PageId}/conversations", new() { ["access_token"] = token }));
        var id = (await SandboxDriver.JsonAsync(list, HttpStatusCode.OK)).GetProperty("data")[0].GetProperty("id").GetString()!;
        var other = await sandbox.PageTokenAsync(await sandbox.LongLivedTokenAsync(DemoWorld.DanaId), DemoWorld.ShopPageId(10));

        using var read = await PacedGetAsync(SandboxDriver.Graph(id, new() { ["fields"] = "messages", ["access_token"] = other }));

        var error = (await SandboxDriver.JsonAsync(read, HttpStatusCode.BadRequest)).GetProperty("error");
        error.GetProperty("code").GetInt32().ShouldBe(100);
        error.GetProperty("error_subcode").GetInt32().ShouldBe(33);
    }
}
