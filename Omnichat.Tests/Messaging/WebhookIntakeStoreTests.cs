using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Messaging;

/// <summary>
/// The intake on its own, on a real SQLite file, without a web host: what its group-commit threads owe each request
/// (its own row, its bytes given back, processing woken) and what a stop owes the requests already received.
/// </summary>
public sealed class WebhookIntakeStoreTests : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"omnichat-intake-{Guid.NewGuid():N}.db");
    // Never advanced: a wait on the signal ends only because the intake notified it.
    private readonly FakeTimeProvider time = new();
    private ServiceProvider services = default!;
    private WebhookSignal signal = default!;
    private WebhookWriteGate gate = default!;
    private WebhookBodyBudget budget = default!;
    private WebhookIntake intake = default!;

    public async Task InitializeAsync()
    {
        services = new ServiceCollection().AddOmnichatDatabase(DatabaseProvider.Sqlite, $"Data Source={databasePath}").BuildServiceProvider();
        var dbFactory = services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        var options = Options.Create(new WebhookOptions { StoreTimeout = TimeSpan.FromSeconds(30) });
        signal = new WebhookSignal(time);
        gate = new WebhookWriteGate();
        budget = new WebhookBodyBudget(options);
        intake = new WebhookIntake(dbFactory, signal, gate, budget, new Omnichat.Core.Telemetry.WebhookTraceLinks(), options, time,
            NullLogger<WebhookIntake>.Instance);
        await intake.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await intake.StopAsync(CancellationToken.None);
        intake.Dispose();
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }

    private Task<long> StoreAsync(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        budget.TryReserve(body.Length).ShouldBeTrue();
        return intake.StoreAsync(body, CancellationToken.None);
    }

    private async Task<List<(long Id, string Body)>> StoredAsync()
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        return (await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Body }).ToListAsync())
            .Select(d => (d.Id, Encoding.UTF8.GetString(d.Body))).ToList();
    }

    [Fact]
    public async Task ManyAtOnce_EachGetsItsOwnRow_TheirBytesAreGivenBack_AndProcessingIsWoken()
    {
        var bodies = Enumerable.Range(0, 200).Select(i => $"{{\"object\":\"page\",\"n\":{i}}}").ToList();

        var ids = await Task.WhenAll(bodies.Select(StoreAsync));

        var stored = await StoredAsync();
        stored.Select(s => s.Body).Order().ShouldBe(bodies.Order());
        ids.Order().ShouldBe(stored.Select(s => s.Id), "each request learns its own row's id");
        ids.Zip(bodies).ShouldAllBe(pair => stored.Single(s => s.Id == pair.First).Body == pair.Second);
        budget.InFlight.ShouldBe(0, "every stored body's bytes are given back");
        gate.IntakeWaiting.ShouldBe(0, "processing no longer yields to bodies that are stored");
        gate.IntakeReceived.ShouldBe(200);
        // The time provider never moves, so this returns only because the intake said there is work.
        await signal.WaitAsync(TimeSpan.FromHours(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Stop_StoresAndAnswersWhatWasAlreadyReceived()
    {
        var stores = Enumerable.Range(0, 300).Select(i => StoreAsync($"{{\"n\":{i}}}")).ToList();

        await intake.StopAsync(CancellationToken.None);

        // Read before the requests' own continuations run: the stop itself waited for every body to be on disk.
        budget.InFlight.ShouldBe(0, "a stop returns once every body it had taken is stored and answered");
        (await StoredAsync()).Count.ShouldBe(300);
        (await Task.WhenAll(stores)).Distinct().Count().ShouldBe(300);
    }

    [Fact]
    public async Task AfterStop_ANewBodyIsRefusedAndItsBytesGivenBack()
    {
        await intake.StopAsync(CancellationToken.None);

        await Should.ThrowAsync<InvalidOperationException>(() => StoreAsync("{\"late\":true}"));

        budget.InFlight.ShouldBe(0);
        gate.IntakeWaiting.ShouldBe(0);
        (await StoredAsync()).ShouldBeEmpty();
    }
}
