using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// A page open on instance B refreshes when background work on instance A changes its team's data: the change goes
/// through PostgreSQL's LISTEN/NOTIFY, and only the team's id travels.
/// </summary>
public sealed class TwoInstanceChangeTests
{
    [Fact]
    public async Task WorkOnA_RefreshesPagesOpenOnB()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        await using var a = await ConsoleServer.StartAsync(s => s.WithPostgres(database).With("CustomerProfiles:Enabled", "false"));
        await using var b = await ConsoleServer.StartAsync(s => s.WithPostgres(database).With("CustomerProfiles:Enabled", "false"));
        using var driver = new MessengerDriver(a);
        var teamId = (await driver.AdminAsync()).TeamId!.Value;
        var channelsOnB = 0;
        var inboxOnB = 0;
        using var channelPage = b.Services.GetRequiredService<ChannelChangeNotifier>().Subscribe(teamId, () => { Interlocked.Increment(ref channelsOnB); return Task.CompletedTask; });
        using var inboxPage = b.Services.GetRequiredService<InboxNotifier>().Subscribe(teamId, () => { Interlocked.Increment(ref inboxOnB); return Task.CompletedTask; });

        await driver.ConnectAsync();
        await Eventually.TrueAsync(() => Volatile.Read(ref channelsOnB) > 0, TimeSpan.FromSeconds(10), "connecting on A refreshed B's channels page");

        var json = WebhookJson.Single(MessengerDriver.Taipei, WebhookJson.Message("7820000000000001", MessengerDriver.Taipei, "m_b_1", "B 看得到嗎", DateTimeOffset.UtcNow));
        (await driver.PostWebhookAsync(json)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Volatile.Read(ref inboxOnB) > 0, TimeSpan.FromSeconds(10), "a message processed on either instance refreshed B's inbox");
        (await driver.QueryAsync(db => db.Messages.CountAsync(m => m.Mid == "m_b_1"))).ShouldBe(1);
    }
}
