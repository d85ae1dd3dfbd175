using Microsoft.Data.Sqlite;
using Omnichat.Core.Retention;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Health;

/// <summary>The hourly schedule lives in the console's database: it survives restarts and makes up a missed run once.</summary>
[Collection(SchedulerCollection.Name)]
public sealed class CheckScheduleTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("omnichat-schedule-").FullName;

    private string DatabasePath => Path.Combine(folder, "omnichat.db");

    private Task<ConsoleServer> StartAsync() => ConsoleServer.StartAsync(s => s
        .With("ConnectionStrings:Omnichat", $"Data Source={DatabasePath}")
        .With("HealthCheck:SchedulerEnabled", "true"));

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Start_StoresAnHourlyTriggerInTheDatabase()
    {
        await using (var server = await StartAsync())
        {
        }

        var next = new DateTimeOffset((long)(await ScalarAsync("select NEXT_FIRE_TIME from QRTZ_TRIGGERS where TRIGGER_NAME = 'integration-check-schedule'"))!, TimeSpan.Zero);
        next.Minute.ShouldBe(0);
        next.Second.ShouldBe(0);
        next.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        next.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddHours(1));
        (await ScalarAsync("select CRON_EXPRESSION from QRTZ_CRON_TRIGGERS where TRIGGER_NAME = 'integration-check-schedule'")).ShouldBe("0 0 * * * ?");
    }

    [Fact]
    public async Task Start_StoresTheDailyCleanUpInTheSameStore()
    {
        await using (var server = await StartAsync())
        {
        }

        (await ScalarAsync($"select CRON_EXPRESSION from QRTZ_CRON_TRIGGERS where TRIGGER_NAME = '{RetentionJob.TriggerKey.Name}'")).ShouldBe(RetentionJob.Schedule);
        var next = new DateTimeOffset((long)(await ScalarAsync($"select NEXT_FIRE_TIME from QRTZ_TRIGGERS where TRIGGER_NAME = '{RetentionJob.TriggerKey.Name}'"))!, TimeSpan.Zero);
        (next.Hour, next.Minute).ShouldBe((3, 15));
        next.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddDays(1));
    }

    [Fact]
    public async Task Restart_AfterMissingTwoRuns_MakesUpExactlyOneRun()
    {
        await using (var first = await StartAsync())
        {
        }
        SqliteConnection.ClearAllPools();
        var twoHoursAgo = DateTimeOffset.UtcNow.AddHours(-2).UtcTicks;
        await ScalarAsync($"update QRTZ_TRIGGERS set NEXT_FIRE_TIME = {twoHoursAgo} where TRIGGER_NAME = 'integration-check-schedule'");

        await using var second = await StartAsync();
        // Quartz has made up every run it is going to once the trigger's next fire time is in the future again and no
        // fired trigger is left in flight (a fired trigger's row stays until its job has finished).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await CaughtUpAsync() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        (await CaughtUpAsync()).ShouldBeTrue("the schedule caught up");
        second.Logs.Lines.Count(IsRunStart).ShouldBe(1);
    }

    [Fact]
    public async Task Restart_WithANewSchedule_ReplacesTheStoredOne()
    {
        await using (var first = await StartAsync())
        {
        }
        SqliteConnection.ClearAllPools();

        await using (var second = await ConsoleServer.StartAsync(s => s
            .With("ConnectionStrings:Omnichat", $"Data Source={DatabasePath}")
            .With("HealthCheck:SchedulerEnabled", "true")
            .With("HealthCheck:Schedule", "0 30 * * * ?")))
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!second.Logs.Lines.Any(l => l.Contains("schedule changed")) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
        SqliteConnection.ClearAllPools();

        (await ScalarAsync("select CRON_EXPRESSION from QRTZ_CRON_TRIGGERS where TRIGGER_NAME = 'integration-check-schedule'")).ShouldBe("0 30 * * * ?");
    }

    private async Task<bool> CaughtUpAsync()
    {
        var next = (long)(await ScalarAsync("select NEXT_FIRE_TIME from QRTZ_TRIGGERS where TRIGGER_NAME = 'integration-check-schedule'"))!;
        var inFlight = (long)(await ScalarAsync("select count(*) from QRTZ_FIRED_TRIGGERS"))!;
        return next > DateTimeOffset.UtcNow.UtcTicks && inFlight == 0;
    }

    private static bool IsRunStart(string line) => line.Contains("Check run") && line.Contains("starts with");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
