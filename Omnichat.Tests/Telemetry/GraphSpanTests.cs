using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Telemetry;

/// <summary>
/// Graph takes tokens in its query strings; no span may carry one. Every tag, display name and event of every span
/// recorded while connecting, checking, receiving and replying is searched, and the OTLP exporter really sent them.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class GraphSpanTests
{
    private const string Psid = "7400000000000001";

    [Fact]
    public async Task Spans_OfAConnectACheckAndAReply_CarryNoTokenAndNoSecret()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var driver = new MessengerDriver(console.Server);
        await driver.ConnectAsync();
        await driver.Sandbox.PostJsonAsync($"pages/{MessengerDriver.Taipei}/customer-messages", new { psid = Psid, text = "hi" });
        await driver.EventuallyAsync(db => db.Conversations.AnyAsync(), "the customer's message arrives");
        var conversationId = await driver.QueryAsync(db => db.Conversations.Select(c => c.Id).SingleAsync());
        (await driver.Service<ReplyService>().SendAsync(await driver.AdminAsync(), conversationId, "hello", CancellationToken.None))
            .Kind.ShouldBe(ReplyOutcomeKind.Sent);
        await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        var spans = console.FinishedSpans();

        var graphCalls = spans.Where(s => s.Kind == ActivityKind.Client && Text(s.GetTagItem("url.full")).Contains("/sandbox/graph/", StringComparison.Ordinal)).ToList();
        graphCalls.Count.ShouldBeGreaterThanOrEqualTo(4, "the connect, the reply and the check call Graph");
        graphCalls.ShouldContain(s => Text(s.GetTagItem("url.full")).Contains("access_token=REDACTED", StringComparison.Ordinal),
            "a GET's token is in its query string, and its place is kept");
        var secret = driver.AppSecret;
        foreach (var span in spans)
        {
            foreach (var text in Texts(span))
            {
                TokenText.FindToken(text).ShouldBeNull($"span {span.OperationName} ({span.Source.Name})");
                text.ShouldNotContain(secret, Case.Sensitive, $"span {span.OperationName} ({span.Source.Name})");
                foreach (var name in new[] { "?access_token=", "&access_token=", "?input_token=", "&input_token=", "&appsecret_proof=",
                    "&client_secret=", "?code=", "&code=" })
                {
                    foreach (var at in Occurrences(text, name))
                    {
                        text[(at + name.Length)..].ShouldStartWith("REDACTED", Case.Sensitive, $"span {span.OperationName}: {TokenText.Mask(text)}");
                    }
                }
            }
        }
        await Eventually.TrueAsync(() => console.Sink.PostsTo("/v1/traces") > 0, TimeSpan.FromSeconds(10), "the OTLP exporter sends the spans");
    }

    private static string Text(object? value) => value as string ?? "";

    private static IEnumerable<string> Texts(Activity span)
    {
        yield return span.DisplayName;
        foreach (var tag in span.TagObjects)
        {
            yield return tag.Value?.ToString() ?? "";
        }
        foreach (var item in span.Events)
        {
            yield return item.Name;
            foreach (var tag in item.Tags)
            {
                yield return tag.Value?.ToString() ?? "";
            }
        }
        foreach (var baggage in span.Baggage)
        {
            yield return baggage.Value ?? "";
        }
    }

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            yield return at;
        }
    }
}
