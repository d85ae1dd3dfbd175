using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Tests.Infrastructure;
using Quartz;

namespace Omnichat.Tests.Health;

/// <summary>A scheduled check that stops says so (/healthz, the log, support's strip) and is started again.</summary>
[Collection(SchedulerCollection.Name)]
public sealed class CheckOverdueTests
{
    // Every 4 s: overdue about two runs and a half interval after the last one completed.
    private const string FastSchedule = "0/4 * * * * ?";

    [Fact]
    public async Task StuckTrigger_NoRunCompletes_HealthzNamesTheOverdueCheck_ThenTheCheckRunsAgain()
    {
        await using var server = await ConsoleServer.StartAsync(s => s
            .With("HealthCheck:SchedulerEnabled", "true")
            .With("HealthCheck:Schedule", FastSchedule));
        using var client = server.CreateHttpClient();
        await Eventually.TrueAsync(async () => await CountRunsAsync(server) > 0, TimeSpan.FromSeconds(30), "a first scheduled run");

        // What an instance killed while holding the trigger leaves behind: "acquired" in the store, held by nobody.
        // The scheduler lets go of its triggers in standby, so the state written meanwhile is not one it still holds.
        var scheduler = await server.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        await Eventually.TrueAsync(async () => await TriggerStateAsync(server) == "WAITING", TimeSpan.FromSeconds(30), "the trigger released");
        await using (var connection = new SqliteConnection($"Data Source={server.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE QRTZ_TRIGGERS SET TRIGGER_STATE = 'ACQUIRED' WHERE TRIGGER_NAME = 'integration-check-schedule'";
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        await scheduler.Start();
        var runsWhenStuck = await CountRunsAsync(server);

        string? overdueBody = null;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync("/healthz");
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                return false;
            }
            overdueBody = await response.Content.ReadAsStringAsync();
            return true;
        }, TimeSpan.FromSeconds(30), "/healthz answering 503");
        overdueBody.ShouldNotBeNull().ShouldContain("integrationCheck: overdue since");
        await Eventually.TrueAsync(() => server.Logs.Lines.Any(l => l.StartsWith("Error", StringComparison.Ordinal)
            && l.Contains("integration check is overdue", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the overdue error in the log");

        await Eventually.TrueAsync(async () => await CountRunsAsync(server) > runsWhenStuck, TimeSpan.FromSeconds(30), "a run after the recovery");
        await Eventually.TrueAsync(async () => (await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "/healthz ok again");
    }

    [Fact]
    public async Task SchedulerOff_NothingIsOverdue()
    {
        await using var server = await ConsoleServer.StartAsync();

        var state = await server.Services.GetRequiredService<CheckScheduleWatch>().ReadAsync(CancellationToken.None);

        state.SchedulerEnabled.ShouldBeFalse();
        state.IsOverdue.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-12-02T10:00:05Z", "2026-12-02T12:09:00Z", false)]
    [InlineData("2026-12-02T10:00:05Z", "2026-12-02T12:11:00Z", true)]
    [InlineData("2026-12-02T10:59:59Z", "2026-12-02T12:31:00Z", true)]
    [InlineData("2026-12-02T11:00:01Z", "2026-12-02T12:31:00Z", false)]
    public void OverdueSince_Hourly_TwoMissedRunsAndTenMinutes(string lastCompleted, string now, bool overdue)
    {
        var since = CheckOverdueRule.OverdueSince("0 0 * * * ?", DateTimeOffset.Parse(lastCompleted), DateTimeOffset.Parse(now));

        (since is not null).ShouldBe(overdue);
    }

    private static async Task<string?> TriggerStateAsync(ConsoleServer server)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'integration-check-schedule'";
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task<int> CountRunsAsync(ConsoleServer server)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        return await db.CheckRuns.CountAsync();
    }
}
