using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Messaging;

/// <summary>A running console with Demo Shop 台北店 connected, and the ways Meta and the tests talk to its webhook.</summary>
public sealed class MessengerDriver(ConsoleServer server) : IDisposable
{
    public static readonly string Taipei = DemoWorld.ShopPageId(1);
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly ConsentDriver consent = new(server);
    private readonly HttpClient http = server.CreateHttpClient();

    public SandboxControl Sandbox => consent.Sandbox;

    public HttpClient Http => http;

    public string AppSecret => server.Services.GetRequiredService<IOptions<FacebookOptions>>().Value.AppSecret;

    public string AppId => server.Services.GetRequiredService<IOptions<FacebookOptions>>().Value.AppId;

    public T Service<T>() where T : notnull => server.Services.GetRequiredService<T>();

    public Task<Caller> AdminAsync() => consent.CallerAsync(DemoAccounts.Admin.Email);

    /// <summary>Consents as Dana and connects the page, which subscribes it to our webhook in the sandbox.</summary>
    public async Task<Guid> ConnectAsync(string? pageId = null)
    {
        var admin = await AdminAsync();
        await consent.ConsentAsync(admin, DemoWorld.DanaId, "all");
        var page = pageId ?? Taipei;
        var result = (await consent.ConnectAsync(admin, page)).Single();
        result.Failure.ShouldBeNull();
        return await QueryAsync(db => db.PageConnections.Where(c => c.PageId == page && c.Status != Core.Channels.ConnectionStatus.Disconnected)
            .Select(c => c.Id).SingleAsync());
    }

    public async Task<HttpResponseMessage> PostWebhookAsync(string json, string? signature = null, bool sign = true)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/facebook") { Content = content };
        if (sign)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature ?? WebhookSignature.Sign(body, AppSecret));
        }
        return await http.SendAsync(request);
    }

    public async Task<T> QueryAsync<T>(Func<OmnichatDbContext, Task<T>> query)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Waits until the background processor has caught up with <paramref name="condition"/>.</summary>
    public async Task EventuallyAsync(Func<OmnichatDbContext, Task<bool>> condition, string because)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await QueryAsync(condition))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {because}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until every stored delivery is processed.</summary>
    public Task AllProcessedAsync() =>
        EventuallyAsync(db => db.WebhookDeliveries.AllAsync(d => d.State != Core.Messaging.WebhookDeliveryState.Received), "every delivery is processed");

    public void Dispose()
    {
        consent.Dispose();
        http.Dispose();
    }
}
