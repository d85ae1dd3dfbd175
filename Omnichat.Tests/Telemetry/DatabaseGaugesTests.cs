using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Data;
using Omnichat.Core.Channels;
using Omnichat.Core.Telemetry;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Telemetry;

/// <summary>The gauges read the database at most once a minute, however often they are scraped.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class DatabaseGaugesTests
{
    [Fact]
    public async Task Current_ReadsAgainOnlyAfterAMinute()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ConsoleServer.StartAsync(s => s.WithServices(services => services.AddSingleton<TimeProvider>(time)));
        var gauges = server.Services.GetRequiredService<DatabaseGauges>();
        gauges.Current!.Connections.ShouldBeEmpty();
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            // Nothing in the console changes a connection while the schedule is off: only this test does.
            db.PageConnections.Add(new PageConnection
            {
                TeamId = await db.Teams.Select(t => t.Id).FirstAsync(), PageId = "104599999999999", PageName = "Gauge test page",
                Status = ConnectionStatus.NeedsReauthorization, Cause = FailureCause.TokenExpired,
            });
            await db.SaveChangesAsync();
        }

        time.Advance(TimeSpan.FromSeconds(59));
        var within = gauges.Current!.Connections;
        time.Advance(TimeSpan.FromSeconds(1));
        var after = gauges.Current!.Connections;

        within.ShouldBeEmpty("scrapes within the minute are answered from the last reading");
        after.ShouldHaveSingleItem().ShouldBe(new ConnectionCount(ConnectionStatus.NeedsReauthorization, FailureCause.TokenExpired, 1));
    }
}
