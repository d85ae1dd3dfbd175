using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Notifications;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Notifications.Support;

namespace Omnichat.Tests.Health;

/// <summary>
/// The help page's promise end to end: a connection breaks, the check notices, and exactly one reminder reaches a
/// real SMTP server on loopback, however often the check runs, whether SMTP was down, and across a restart.
/// </summary>
public sealed class ReminderEmailTests : IAsyncLifetime
{
    private readonly SmtpTestServer smtp = new();
    private readonly string folder = Directory.CreateTempSubdirectory("omnichat-reminder-").FullName;
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    private Task<ConsoleServer> StartConsoleAsync() => ConsoleServer.StartAsync(s => s
        .With("ConnectionStrings:Omnichat", $"Data Source={Path.Combine(folder, "omnichat.db")}")
        .With("Sandbox:StatePath", Path.Combine(folder, "sandbox.json"))
        .With("Email:Smtp:Host", "127.0.0.1")
        .With("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Email:From", "Omnichat <alerts@omnichat.test>"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static async Task ConnectTaipeiAsync(ConsentDriver driver)
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);
    }

    private static Task CheckAsync(ConsoleServer server) =>
        server.Services.GetRequiredService<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

    private static Task DispatchAsync(ConsoleServer server) =>
        server.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private static async Task<OutboxEmail> FailedAttemptAsync(ConsoleServer server)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var email = await db.OutboxEmails.AsNoTracking().SingleAsync();
            if (!string.IsNullOrEmpty(email.LastError) || DateTime.UtcNow > deadline)
            {
                return email;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The hosted dispatcher is woken by the check too, so a message may be on its way from either side: wait for the
    /// first, then stop the console, which waits for its dispatcher to finish; only then is "no second one" a fact.
    /// </summary>
    private async Task<ReceivedMail> SingleMessageAsync(ConsoleServer server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (smtp.Messages.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        await server.DisposeAsync();
        return smtp.Messages.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task PageBreaks_CheckedThreeTimes_OneEmailToTheAdminsInChinese()
    {
        await smtp.StartAsync();
        await using var server = await StartConsoleAsync();
        using var driver = new ConsentDriver(server);
        await ConnectTaipeiAsync(driver);
        await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        for (var run = 0; run < 3; run++)
        {
            await CheckAsync(server);
            await DispatchAsync(server);
        }

        var mail = await SingleMessageAsync(server);
        mail.EnvelopeRecipients.ShouldBe(["admin@demo.local", "admin2@demo.local"], ignoreOrder: true);
        mail.Message.Subject!.ShouldContain("Demo Shop 台北店");
        mail.Message.TextBody!.ShouldContain("更改了密碼");
    }

    [Fact]
    public async Task EnglishTeam_GetsTheReminderInEnglish()
    {
        await smtp.StartAsync();
        await using var server = await StartConsoleAsync();
        using var driver = new ConsentDriver(server);
        await ConnectTaipeiAsync(driver);
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            (await db.Teams.SingleAsync(t => t.Name == "Demo Shop")).Culture = "en";
            await db.SaveChangesAsync();
        }
        await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/two-factor");

        await CheckAsync(server);
        await DispatchAsync(server);

        var mail = await SingleMessageAsync(server);
        mail.Message.TextBody!.ShouldContain("two-factor");
        mail.Message.Subject!.ShouldNotContain("專頁");
    }

    [Fact]
    public async Task SmtpDown_ThenConsoleRestarts_ThenSmtpUp_DeliversExactlyOne()
    {
        await using (var first = await StartConsoleAsync())
        {
            using var driver = new ConsentDriver(first);
            await ConnectTaipeiAsync(driver);
            await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
            await CheckAsync(first);
            await DispatchAsync(first);
            // The hosted dispatcher, woken by the check, may hold the message while ours finds nothing to do: wait for
            // whichever attempt it was to record its failure instead of reading the row mid-attempt.
            var pending = await FailedAttemptAsync(first);
            pending.State.ShouldBe(EmailState.Pending);
            pending.LastError.ShouldNotBeNullOrEmpty();
        }
        SqliteConnection.ClearAllPools();

        await smtp.StartAsync();
        await using var second = await StartConsoleAsync();
        await CheckAsync(second);
        await using (var db = await second.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            var row = await db.OutboxEmails.SingleAsync();
            row.NextAttemptAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }
        await DispatchAsync(second);
        await DispatchAsync(second);

        await SingleMessageAsync(second);
    }
}
