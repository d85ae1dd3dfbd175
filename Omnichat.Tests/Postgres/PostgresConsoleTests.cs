using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Tests.Health;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// The console with <c>Database:Provider=Postgres</c> against a private PostgreSQL 15: migrations applied at start,
/// sign-in, connecting a page, a webhook stored once and processed into the inbox, and the clustered schedule.
/// </summary>
[Collection(SchedulerCollection.Name)]
public sealed class PostgresConsoleTests
{
    [Fact]
    public async Task OnPostgres_ConnectsAPage_AndAWebhookReachesTheInboxOnce()
    {
        await using var server = await ConsoleServer.StartAsync(s => s.WithPostgres());
        using var driver = new MessengerDriver(server);
        using (var health = await server.CreateHttpClient().GetAsync("healthz"))
        {
            health.StatusCode.ShouldBe(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
        }

        var connectionId = await driver.ConnectAsync();
        var json = WebhookJson.Single(MessengerDriver.Taipei,
            WebhookJson.Message("7800000000000123", MessengerDriver.Taipei, "m_pg_1", "PostgreSQL 你好", DateTimeOffset.UtcNow));
        (await driver.PostWebhookAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await driver.PostWebhookAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK, "Meta sends some events twice");
        await driver.AllProcessedAsync();

        var texts = await driver.QueryAsync(db => db.Messages.Where(m => m.Mid == "m_pg_1").Select(m => m.Text).ToListAsync());
        texts.ShouldBe(["PostgreSQL 你好"]);
        (await driver.QueryAsync(db => Task.FromResult(db.Database.ProviderName))).ShouldBe("Npgsql.EntityFrameworkCore.PostgreSQL");
        (await driver.QueryAsync(db => db.PageConnections.SingleAsync(c => c.Id == connectionId))).StatusChangedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task OnPostgres_TheScheduleIsClusteredInTheSameDatabase_AndRunsTheCheck()
    {
        await using var server = await ConsoleServer.StartAsync(s => s.WithPostgres()
            .With("HealthCheck:SchedulerEnabled", "true")
            .With("HealthCheck:Schedule", "0/2 * * * * ?"));
        var dbFactory = server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();

        await Eventually.TrueAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return await db.CheckRuns.AnyAsync();
        }, TimeSpan.FromSeconds(30), "a scheduled check run completed and was recorded");

        await using var probe = await dbFactory.CreateDbContextAsync();
        var connection = (NpgsqlConnection)probe.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from qrtz_scheduler_state", connection);
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(1, "a clustered node checks in to the scheduler state table");
        using var health = await server.CreateHttpClient().GetAsync("healthz");
        var detail = System.Text.Json.JsonDocument.Parse(await health.Content.ReadAsStringAsync())
            .RootElement.GetProperty("checks").GetProperty("integrationCheck").GetProperty("detail").GetString();
        detail.ShouldNotBeNull().ShouldContain("; clustered, instance ", Case.Sensitive, "an operator tells the instances apart");
    }
}
