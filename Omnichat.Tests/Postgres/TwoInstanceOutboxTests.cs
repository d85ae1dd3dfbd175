using System.Globalization;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Notifications.Support;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// Both instances run the e-mail dispatcher over one outbox: each due e-mail is leased by one of them and sent once,
/// however the two interleave.
/// </summary>
public sealed class TwoInstanceOutboxTests
{
    private const int Emails = 20;

    [Fact]
    public async Task DueEmails_TwoDispatchers_EachSentExactlyOnce()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        var database = PostgresServer.Shared.CreateDatabase();
        Action<ConsoleServer> instance = s => s.WithPostgres(database)
            .With("Email:Smtp:Host", "127.0.0.1")
            .With("Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Email:From", "Omnichat <alerts@omnichat.test>")
            .With("Console:PublicUrl", "https://console.omnichat.test")
            .With("Email:DispatchIntervalSeconds", "1");
        await using var a = await ConsoleServer.StartAsync(instance);
        await using var b = await ConsoleServer.StartAsync(instance);
        var outbox = new Outbox(a);

        var ids = new List<Guid>();
        for (var i = 0; i < Emails; i++)
        {
            ids.Add(await outbox.EnqueueAsync(DemoAccounts.DemoShop, DateTimeOffset.UtcNow));
        }

        await Eventually.TrueAsync(async () =>
        {
            foreach (var id in ids)
            {
                if ((await outbox.GetAsync(id)).State != EmailState.Sent)
                {
                    return false;
                }
            }
            return true;
        }, TimeSpan.FromSeconds(60), "every e-mail was sent by one of the instances");
        smtp.Messages.Count.ShouldBe(Emails, "each e-mail reached the SMTP server once");
        foreach (var id in ids)
        {
            (await outbox.GetAsync(id)).Attempts.ShouldBe(1);
        }
    }
}
