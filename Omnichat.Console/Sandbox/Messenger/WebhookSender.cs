using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Messenger;

/// <summary>
/// Posts webhooks to the console the way Meta does (§6.4): signed over the exact bytes, retried while the console does
/// not answer 200, and after <see cref="SandboxOptions.WebhookFailureUnsubscribeMinutes"/> of failures (world clock) the
/// page's subscription to our app is dropped. One at a time, in order, like a page's event stream.
/// </summary>
public sealed class WebhookSender(
    IHttpClientFactory httpClientFactory,
    SandboxUrls urls,
    IOptions<FacebookOptions> facebook,
    IOptions<SandboxOptions> options,
    SandboxWorld world,
    TimeProvider time,
    ILogger<WebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "sandbox-webhooks";

    private readonly Channel<OutgoingWebhook> queue = Channel.CreateUnbounded<OutgoingWebhook>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(OutgoingWebhook webhook) => queue.Writer.TryWrite(webhook);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var webhook in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(webhook, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The console is stopping; undelivered webhooks go with it, as they would if Meta gave up.
        }
    }

    private async Task DeliverAsync(OutgoingWebhook webhook, CancellationToken stoppingToken)
    {
        var record = new WebhookDeliveryRecord { PageId = webhook.PageId, Field = webhook.Field, Kind = webhook.Kind, Mid = webhook.Mid };
        var delay = TimeSpan.FromMilliseconds(Math.Max(1, options.Value.WebhookRetryDelayMs));
        while (true)
        {
            if (!IsSubscribed(webhook.PageId))
            {
                Finish(record, "notSubscribed");
                return;
            }
            record.Attempts++;
            record.Status = await PostAsync(webhook.Body, stoppingToken);
            if (record.Status == StatusCodes.Status200OK)
            {
                world.Update((state, _) =>
                {
                    if (state.FindPage(webhook.PageId) is { } page)
                    {
                        page.WebhookFailingSince = null;
                    }
                });
                Finish(record, "delivered");
                return;
            }
            var unsubscribed = world.Update((state, now) =>
            {
                if (state.FindPage(webhook.PageId) is not { } page)
                {
                    return true;
                }
                page.WebhookFailingSince ??= now;
                if (now - page.WebhookFailingSince.Value < TimeSpan.FromMinutes(options.Value.WebhookFailureUnsubscribeMinutes))
                {
                    return false;
                }
                // What Meta does after an hour of continuous failures: the app is unsubscribed from the page.
                page.SubscribedApps.Remove(state.AppId);
                page.WebhookFailingSince = null;
                return true;
            });
            if (unsubscribed)
            {
                logger.LogWarning("Sandbox unsubscribed page {PageId} after webhooks kept failing", webhook.PageId);
                Finish(record, "unsubscribed");
                return;
            }
            logger.LogInformation("Sandbox webhook for page {PageId} got {Status}; retrying in {Delay}", webhook.PageId, record.Status, delay);
            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, options.Value.WebhookRetryMaxDelayMs));
        }
    }

    private bool IsSubscribed(string pageId) => world.Read((state, _) =>
        state.FindPage(pageId)?.SubscribedApps.ContainsKey(state.AppId) == true);

    private void Finish(WebhookDeliveryRecord record, string outcome) => world.Update((state, now) =>
    {
        record.Outcome = outcome;
        record.At = now;
        WorldState.Append(state.WebhookDeliveries, record);
    });

    private async Task<int> PostAsync(byte[] body, CancellationToken stoppingToken)
    {
        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, string.IsNullOrEmpty(options.Value.WebhookUrl) ? urls.WebhookUrl : options.Value.WebhookUrl) { Content = content };
            var secret = facebook.Value.AppSecret;
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, secret));
            // Meta still sends the legacy SHA-1 header alongside.
            request.Headers.TryAddWithoutValidation("X-Hub-Signature",
                "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body)));
            request.Headers.TryAddWithoutValidation("User-Agent", "facebookexternalua");
            using var response = await client.SendAsync(request, stoppingToken);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            return 0;
        }
    }
}
