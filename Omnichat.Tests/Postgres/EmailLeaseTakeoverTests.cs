using System.Globalization;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Notifications.Support;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// Two console processes dispatch one outbox. The one that claimed an e-mail dies (kill -9) while the mail server
/// still has the message unanswered: the other leaves it alone while the claim holds, then sends it, once.
/// </summary>
public sealed class EmailLeaseTakeoverTests
{
    private const int LeaseSeconds = 10;

    [Fact]
    public async Task SenderKilledMidSend_TheOtherInstanceSendsItOnceAfterTheLease()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var shared = new Dictionary<string, string>
        {
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Console__PublicUrl"] = "https://console.omnichat.test",
            ["Email__DispatchIntervalSeconds"] = "1",
            ["Email__LeaseSeconds"] = LeaseSeconds.ToString(CultureInfo.InvariantCulture),
        };
        // Only the sender's address tells the test which instance is sending.
        using var pair = await ConsolePair.StartAsync(PostgresServer.Shared.CreateDatabase(), shared,
            onlyA: new Dictionary<string, string> { ["Email__From"] = "Omnichat <alerts@a.omnichat.test>" },
            onlyB: new Dictionary<string, string> { ["Email__From"] = "Omnichat <alerts@b.omnichat.test>" });
        var outbox = new Outbox(() => Task.FromResult(pair.Database()));
        smtp.HoldNext();

        var id = await outbox.EnqueueAsync(DemoAccounts.DemoShop, DateTimeOffset.UtcNow);
        await Eventually.TrueAsync(() => smtp.Held.Count == 1, TimeSpan.FromSeconds(30), "one instance claimed the e-mail and is sending it");
        var claim = await outbox.GetAsync(id);
        claim.Attempts.ShouldBe(1);
        var holderIsA = smtp.Held.Single().From.Mailboxes.Single().Address == "alerts@a.omnichat.test";
        var (holder, survivor) = holderIsA ? (pair.A, pair.B) : (pair.B, pair.A);
        holder.Kill();
        smtp.RefuseHeld();

        try
        {
            await Eventually.TrueAsync(async () => (await outbox.GetAsync(id)).State == EmailState.Sent, TimeSpan.FromSeconds(60),
                "the surviving instance sent the e-mail after the dead one's claim ran out");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Not sent. Survivor's output:\n{survivor.Output}");
        }
        var mail = smtp.Messages.ShouldHaveSingleItem("the e-mail reached the mail server once");
        mail.Message.From.Mailboxes.Single().Address.ShouldBe(holderIsA ? "alerts@b.omnichat.test" : "alerts@a.omnichat.test");
        var sent = await outbox.GetAsync(id);
        sent.Attempts.ShouldBe(2, "the dead instance's attempt and the survivor's");
        sent.SentAt!.Value.ShouldBeGreaterThanOrEqualTo(claim.NextAttemptAt, "nobody touched it while the claim held");
        mail.EnvelopeRecipients.ShouldContain("admin@demo.local");
    }
}
