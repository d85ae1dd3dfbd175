using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Telemetry;

/// <summary>
/// After a day's work in small (connect, a customer's message, a reply, the name lookup, a check that finds a broken
/// token), no label of any instrument, ours or the framework's, names a team, a page, a person or a token, and no
/// page or customer id has become a label: the Prometheus text is searched as well as the exported points.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class LabelTests
{
    private const string Psid = "7400000000000042";

    [Fact]
    public async Task Labels_AfterConnectMessageReplyAndAFailingCheck_HoldNoNameIdOrToken()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var driver = new MessengerDriver(console.Server);
        await driver.ConnectAsync();
        await driver.Sandbox.PostJsonAsync($"pages/{MessengerDriver.Taipei}/customer-messages",
            new { psid = Psid, text = "請問有貨嗎？", firstName = "大同", lastName = "王" });
        await driver.EventuallyAsync(db => db.Conversations.AnyAsync(c => c.CustomerFirstName != null), "the message arrives and its sender's name is looked up");
        var conversationId = await driver.QueryAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        (await driver.Service<ReplyService>().SendAsync(await driver.AdminAsync(), conversationId, "有的", CancellationToken.None)).Kind.ShouldBe(ReplyOutcomeKind.Sent);
        await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        (await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None)).Failed.ShouldBe(1);
        using var support = await console.Server.SignInAsync("support@demo.local");

        var forbidden = await ForbiddenAsync(driver);
        var labels = console.CollectMetrics()
            .SelectMany(m => m.MetricPoints.SelectMany(p => EnumerateTags(p)).Select(t => (m.Name, t.Key, Value: t.Value?.ToString() ?? "")))
            .ToList();
        var scrape = await support.GetStringAsync("metrics");

        labels.ShouldContain(l => l.Name == "omnichat.connections" && l.Value == "needs_reauthorization", "the broken connection is counted, by status");
        labels.ShouldContain(l => l.Name == "omnichat.graph.calls" && l.Value == "{id}", "ids in Graph paths become {id}");
        labels.ShouldContain(l => l.Name == "omnichat.replies" && l.Value == "sent");
        foreach (var (instrument, key, value) in labels)
        {
            TokenText.ContainsToken(value).ShouldBeFalse($"{instrument} {key}");
            foreach (var word in forbidden)
            {
                value.ShouldNotContain(word, Case.Sensitive, $"{instrument} {key}={value}");
            }
        }
        TokenText.FindToken(scrape).ShouldBeNull();
        foreach (var word in forbidden)
        {
            scrape.ShouldNotContain(word, Case.Sensitive);
        }
    }

    private static IEnumerable<KeyValuePair<string, object?>> EnumerateTags(OpenTelemetry.Metrics.MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }
        return tags;
    }

    /// <summary>Every name and id of the sandbox's world and the console's teams, and this test's customer.</summary>
    private static async Task<List<string>> ForbiddenAsync(MessengerDriver driver)
    {
        var state = await driver.Sandbox.StateAsync();
        var words = new List<string> { Psid, "大同", "王", DemoWorld.DanaId };
        foreach (var page in state.GetProperty("pages").EnumerateArray())
        {
            words.Add(page.GetProperty("id").GetString()!);
            words.Add(page.GetProperty("name").GetString()!);
        }
        foreach (var user in state.GetProperty("users").EnumerateArray())
        {
            words.Add(user.GetProperty("name").GetString()!);
        }
        words.AddRange(await driver.QueryAsync(db => db.Teams.Select(t => t.Name).ToListAsync()));
        words.AddRange(await driver.QueryAsync(db => db.Users.Select(u => u.Email!).ToListAsync()));
        words.AddRange((await driver.QueryAsync(db => db.PageConnections.Select(c => c.Id).ToListAsync())).Select(id => id.ToString()));
        words.AddRange((await driver.QueryAsync(db => db.Teams.Select(t => t.Id).ToListAsync())).Select(id => id.ToString()));
        return [.. words.Where(w => w.Length >= 1).Distinct()];
    }
}
