using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using System.Net;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Endpoints;

/// <summary>
/// The console's database on a small tmpfs that fills up: /healthz and webhooks answer 503 at once (Meta retries),
/// and both recover when space returns. Needs root for the mount, as on every machine of this project and CI.
/// </summary>
public sealed class FullDiskTests : IAsyncLifetime
{
    private readonly string mountPoint = Directory.CreateTempSubdirectory("omnichat-tmpfs-").FullName;
    private string Filler => Path.Combine(mountPoint, "filler.bin");

    public async Task InitializeAsync() => await RunAsync("mount", $"-t tmpfs -o size=48m tmpfs {mountPoint}");

    public async Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await RunAsync("umount", $"-l {mountPoint}");
        Directory.Delete(mountPoint, recursive: true);
    }

    [Fact]
    public async Task FullDisk_HealthzAndWebhooksAnswer503Quickly_AndRecoverWhenSpaceReturns()
    {
        await using var server = await ConsoleServer.StartAsync(s => s
            .With("ConnectionStrings:Omnichat", $"Data Source={Path.Combine(mountPoint, "omnichat.db")}"));
        using var messenger = new MessengerDriver(server);
        using var client = server.CreateHttpClient();
        (await client.GetAsync("/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An emptied write-ahead log: otherwise frames left from start-up give the next insert room on a full disk,
        // and storing it there is right (it is durable), but not what this test is about.
        await messenger.QueryAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
        await FillDiskAsync();
        var watch = Stopwatch.StartNew();
        using var webhook = await messenger.PostWebhookAsync(Body());
        var webhookTook = watch.Elapsed;
        using var health = await client.GetAsync("/healthz");

        webhook.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        webhookTook.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await health.Content.ReadAsStringAsync();
        body.ShouldContain("database: cannot write");
        body.ShouldContain("webhookIntake: refused a webhook");

        File.Delete(Filler);
        await Eventually.TrueAsync(async () =>
        {
            using var again = await messenger.PostWebhookAsync(Body());
            return again.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "webhooks accepted again");
        // The intake refusal counts for a minute; the database probe recovers at once.
        using var recovered = await client.GetAsync("/healthz");
        (await recovered.Content.ReadAsStringAsync()).ShouldContain("\"database\":{\"ok\":true");
    }

    private static string Body() => WebhookJson.Single(MessengerDriver.Taipei,
        WebhookJson.Message("psid-full-disk", MessengerDriver.Taipei, "m-full-disk", "在嗎？", DateTimeOffset.UtcNow));

    private async Task FillDiskAsync()
    {
        await using var file = File.Create(Filler);
        var chunk = new byte[1024 * 1024];
        try
        {
            while (true)
            {
                await file.WriteAsync(chunk);
                await file.FlushAsync();
            }
        }
        catch (IOException)
        {
            // No space left: what the test wants.
        }
    }

    private static async Task RunAsync(string command, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {arguments} failed ({process.ExitCode}): {error}");
        }
    }
}
