using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Health;

/// <summary>SQLite's scheduler is not clustered: a second instance with it on over the same file is refused at start.</summary>
[Collection(SchedulerCollection.Name)]
public sealed class SqliteSchedulerLockTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("omnichat-lock-").FullName;

    private Action<ConsoleServer> OnTheFile(bool scheduler) => s => s
        .With("ConnectionStrings:Omnichat", $"Data Source={Path.Combine(folder, "omnichat.db")}")
        .With("HealthCheck:SchedulerEnabled", scheduler ? "true" : "false");

    [Fact]
    public async Task SecondInstanceWithTheScheduler_OnTheSameFile_IsRefusedSayingWhy()
    {
        await using var first = await ConsoleServer.StartAsync(OnTheFile(scheduler: true));

        var refused = await Should.ThrowAsync<Exception>(() => ConsoleServer.StartAsync(OnTheFile(scheduler: true)));

        refused.ToString().ShouldContain("Another console instance with the scheduler on is using this SQLite database");
    }

    [Fact]
    public async Task SecondInstanceWithoutTheScheduler_Starts_AndTheFileIsFreeOnceTheFirstStops()
    {
        await using (var first = await ConsoleServer.StartAsync(OnTheFile(scheduler: true)))
        {
            await using var reader = await ConsoleServer.StartAsync(OnTheFile(scheduler: false));
        }

        await using var restarted = await ConsoleServer.StartAsync(OnTheFile(scheduler: true));
        using var health = await restarted.CreateHttpClient().GetAsync("healthz");
        health.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, "the stopped instance let go of the file");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder.
        }
    }
}
