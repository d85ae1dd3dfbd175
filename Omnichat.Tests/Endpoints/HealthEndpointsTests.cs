using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Data;
using Omnichat.Core.Notifications;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Endpoints;

/// <summary>/healthz tells the truth: 503 naming what is wrong, quickly, and 200 again once it is mended.</summary>
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Healthz_FreshDatabase_EveryProbePasses()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().ShouldBe("ok");
        var checks = json.RootElement.GetProperty("checks");
        foreach (var probe in new[] { "database", "webhookIntake", "outbox", "integrationCheck" })
        {
            checks.GetProperty(probe).GetProperty("ok").GetBoolean().ShouldBeTrue(probe);
        }
        checks.GetProperty("database").GetProperty("detail").GetString().ShouldBe("writable");
        checks.GetProperty("backlog").GetProperty("detail").GetString().ShouldBe("webhook deliveries waiting: 0; e-mails waiting: 0");
        checks.GetProperty("integrationCheck").GetProperty("detail").GetString().ShouldBe("scheduler off in this instance");
    }

    [Fact]
    public async Task Healthz_WorkWaiting_CountsItInTheBacklog()
    {
        await using var server = await ConsoleServer.StartAsync();
        var dbFactory = server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            // Due tomorrow, so the dispatcher leaves them alone; the backlog counts them all the same.
            var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
            var team = await db.Teams.Select(t => t.Id).FirstAsync();
            db.OutboxEmails.AddRange(Enumerable.Range(0, 2).Select(_ => new OutboxEmail
            {
                TeamId = team, Kind = EmailKind.ConnectionFailure, RunId = Guid.NewGuid(), State = EmailState.Pending,
                CreatedAt = tomorrow, NextAttemptAt = tomorrow,
            }));
            await db.SaveChangesAsync();
        }
        using var client = server.CreateHttpClient();

        using var response = await client.GetAsync("/healthz");

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("checks").GetProperty("backlog").GetProperty("detail").GetString()
            .ShouldBe("webhook deliveries waiting: 0; e-mails waiting: 2");
    }

    [Fact]
    public async Task Healthz_AnotherProcessHoldsTheWriteLock_Answers503WithinSecondsAndRecovers()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var client = server.CreateHttpClient();
        await using var holder = new SqliteConnection($"Data Source={server.DatabasePath}");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        using var locked = await client.GetAsync("/healthz");
        watch.Stop();

        locked.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await locked.Content.ReadAsStringAsync()).ShouldContain("\"failing\":[\"database: ");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));

        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        await Eventually.TrueAsync(async () => (await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Healthz_AnEmailDueLongAgoAndNeverTried_NamesTheOutbox()
    {
        // The dispatcher only wakes on a signal here, and a row written behind its back sends none: sending has "stopped".
        await using var server = await ConsoleServer.StartAsync(s => s.With("Email:DispatchIntervalSeconds", "3600"));
        using var client = server.CreateHttpClient();
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            var team = await db.Teams.FirstAsync();
            db.OutboxEmails.Add(new OutboxEmail
            {
                TeamId = team.Id,
                Kind = EmailKind.ConnectionFailure,
                RunId = Guid.NewGuid(),
                CreatedAt = DateTimeOffset.UtcNow.AddHours(-3),
                NextAttemptAt = DateTimeOffset.UtcNow.AddHours(-3),
            });
            await db.SaveChangesAsync();
        }

        using var response = await client.GetAsync("/healthz");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("failing")[0].GetString()!.ShouldStartWith("outbox: an e-mail due at");
        json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("ok").GetBoolean().ShouldBeTrue();
    }
}
