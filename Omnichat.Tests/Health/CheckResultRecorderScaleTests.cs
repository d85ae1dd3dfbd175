using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Health;

/// <summary>A run over more pages than one SQL statement takes parameters for (SQLite: 32,766) is still recorded.</summary>
public sealed class CheckResultRecorderScaleTests
{
    [Fact]
    public async Task Record_FortyThousandVerdicts_RecordsTheOnesThatExist()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new ConsentDriver(server);
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, DemoWorld.ShopPageId(1));
        var dbFactory = server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        Guid taipei;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            taipei = await db.PageConnections.Where(c => c.PageId == DemoWorld.ShopPageId(1)).Select(c => c.Id).SingleAsync();
        }
        // The run's other verdicts are for connections removed since: looked up, not found, skipped.
        var verdicts = Enumerable.Range(0, 40_000).ToDictionary(_ => Guid.NewGuid(), _ => PageVerdict.Passed());
        verdicts[taipei] = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.TokenInvalid);

        var started = await server.Services.GetRequiredService<CheckResultRecorder>().RecordAsync(Guid.NewGuid(), verdicts, DateTimeOffset.UtcNow, CancellationToken.None);

        started.EpisodesStarted.ShouldBe(1);
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            (await db.PageConnections.SingleAsync(c => c.Id == taipei)).Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
        }
    }
}
