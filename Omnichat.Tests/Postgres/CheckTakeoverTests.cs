using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Notifications;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;
using Omnichat.Tests.Notifications.Support;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// The scheduled check fires once, on one of two console processes sharing a PostgreSQL database. That process is
/// killed (kill -9) while the check waits on Facebook: the other takes the run over through Quartz's clustered store,
/// finishes it, and the broken page gets its one reminder e-mail.
/// </summary>
public sealed class CheckTakeoverTests
{
    /// <summary>Each Graph answer takes this long, so the run is surely still going when its process is killed.</summary>
    private const int GraphLatencyMs = 8000;

    [Fact]
    public async Task InstanceKilledMidCheck_TheOtherFinishesIt_OneEmail()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        var dataFolder = Directory.CreateTempSubdirectory("omnichat-takeover-").FullName;
        try
        {
            // Connect a page through an in-process console, then hand its sandbox world to a sandbox process that both
            // console processes use, as they would share Facebook.
            await using (var setup = await ConsoleServer.StartAsync(s => s.WithPostgres(database)))
            {
                using var driver = new MessengerDriver(setup);
                await driver.ConnectAsync();
                File.Copy(Path.Combine(setup.DataFolder, "sandbox.json"), Path.Combine(dataFolder, "sandbox.json"));
            }
            await using var smtp = await SmtpTestServer.StartNewAsync();
            var consoleAddress = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
            var sandboxAddress = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
            using var sandbox = await ConsoleProcess.StartSandboxAsync(sandboxAddress, consoleAddress, Path.Combine(dataFolder, "sandbox.json"));
            var control = new SandboxControl(new HttpClient { BaseAddress = sandboxAddress, Timeout = TimeSpan.FromSeconds(10) });
            await control.PostAsync($"users/{DemoWorld.DanaId}/password-change");
            await control.PutAsync("faults", new { latencyMs = GraphLatencyMs, transientErrorRate = 0.0, rateLimited = false });

            // One firing only, half a minute ahead: a run seen afterwards can only be that one's, recovered.
            var fireAt = TimeZoneInfo.ConvertTime(DateTimeOffset.Now.AddSeconds(30), TimeZoneInfo.Local);
            var shared = new Dictionary<string, string>
            {
                ["Sandbox__Url"] = sandboxAddress.ToString(),
                ["HealthCheck__SchedulerEnabled"] = "true",
                ["HealthCheck__Schedule"] = fireAt.ToString("s m H d M ? yyyy", CultureInfo.InvariantCulture),
                ["Email__Smtp__Host"] = "127.0.0.1",
                ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Email__From"] = "Omnichat <alerts@omnichat.test>",
                ["Console__PublicUrl"] = "https://console.omnichat.test",
                ["Email__DispatchIntervalSeconds"] = "1",
            };
            using var pair = await ConsolePair.StartAsync(database, shared, addressA: consoleAddress);
            var instanceA = await ConsolePair.SchedulerInstanceAsync(pair.AddressA);
            var instanceB = await ConsolePair.SchedulerInstanceAsync(pair.AddressB);
            instanceA.ShouldNotBe(instanceB);

            string? runner = null;
            await Eventually.TrueAsync(async () => (runner = await ExecutingInstanceAsync(database)) is not null, TimeSpan.FromSeconds(90),
                "the one firing started on one of the instances");
            (await CountAsync(pair, db => db.CheckRuns.CountAsync())).ShouldBe(0, "the run is still waiting on Facebook");
            var (dead, survivor, survivorId) = runner == instanceA ? (pair.A, pair.B, instanceB) : (pair.B, pair.A, instanceA);
            dead.Kill();

            try
            {
                await Eventually.TrueAsync(async () => await CountAsync(pair, db => db.CheckRuns.CountAsync()) > 0, TimeSpan.FromSeconds(120),
                    "the surviving instance recovered the run and finished it");
                await Eventually.TrueAsync(async () => await CountAsync(pair, db => db.OutboxEmails.CountAsync(e => e.State == EmailState.Sent)) > 0,
                    TimeSpan.FromSeconds(30), "the reminder e-mail left");
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException($"{e.Message}\nSurvivor's output:\n{survivor.Output}", e);
            }
            await using var db = pair.Database();
            var run = await db.CheckRuns.SingleAsync();
            run.Instance.ShouldBe(survivorId, "the run was finished by the instance that lived");
            run.Failed.ShouldBe(1);
            (await db.PageConnections.SingleAsync(c => c.PageId == MessengerDriver.Taipei)).Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
            (await db.OutboxEmails.CountAsync()).ShouldBe(1, "one e-mail for the failure episode");
            (smtp.Messages.ShouldHaveSingleItem().Message.Subject ?? "").ShouldContain("Demo Shop 台北店");
        }
        finally
        {
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>The Quartz instance executing the check right now, from the clustered store's fired-trigger rows.</summary>
    private static async Task<string?> ExecutingInstanceAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select instance_name from qrtz_fired_triggers where job_name = 'integration-check' and state = 'EXECUTING'", connection);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<int> CountAsync(ConsolePair pair, Func<Core.Data.OmnichatDbContext, Task<int>> count)
    {
        await using var db = pair.Database();
        return await count(db);
    }
}
