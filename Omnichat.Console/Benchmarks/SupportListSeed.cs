using System.Globalization;
using Omnichat.Core.Channels;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// What the support-list benchmark's year of history looks like, for every provider: the rows, in the order they are
/// written, handed to a provider's <see cref="ISupportSeedRows"/>.
///
/// Density (stated, since a real hourly history of 100,000 pages is 876M check rows): one check per live connection
/// per day; about 20% of connections had one past failure episode (1-3 days, with its e-mail and status-change
/// events); 5% are failing now (open episode, failed checks since, an e-mail sent, suppressed, failed or pending); 3%
/// are disconnected; ten connections per team; 5% of teams have an ended plan. Fixed random seed, so two runs (and two
/// providers) get the same shape.
/// </summary>
public static class SupportListSeed
{
    private static readonly ConnectionStatus[] FailingStatuses =
    [
        ConnectionStatus.NeedsReauthorization, ConnectionStatus.MissingPermission, ConnectionStatus.NotPageAdmin,
        ConnectionStatus.WebhookNotSubscribed, ConnectionStatus.NotMessengerReceiver,
    ];

    private static readonly string[] ShopWords = ["旗艦店", "台北店", "台中店", "高雄店", "Online", "Outlet", "Café", "Studio"];

    public static SupportSeedCounts Write(ISupportSeedRows rows, int connectionCount, int days, DateTimeOffset now)
    {
        var random = new Random(20261201);
        var teamCount = Math.Max(1, connectionCount / 10);
        var teamIds = new Guid[teamCount];
        var teamEnded = new bool[teamCount];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var t = 0; t < teamCount; t++)
        {
            teamIds[t] = Guid.NewGuid();
            var roll = random.NextDouble();
            teamEnded[t] = roll < 0.05;
            DateOnly? ends = teamEnded[t] ? today.AddDays(-random.Next(1, 200)) : roll < 0.35 ? today.AddDays(random.Next(1, 365)) : null;
            rows.Add(SupportSeedTable.Teams, teamIds[t], $"商店 {t:D5} {ShopWord(t)}", ends, "zh-TW", "");
        }

        var start = now.AddDays(-days);
        long checks = 0, events = 0;
        int episodes = 0, emails = 0;
        var token = "CfDJ8" + new string('x', 300);
        for (var i = 0; i < connectionCount; i++)
        {
            var id = Guid.NewGuid();
            var t = i % teamCount;
            var teamId = teamIds[t];
            var roll = random.NextDouble();
            var disconnected = roll < 0.03;
            var failing = !disconnected && roll < 0.08;
            var status = disconnected ? ConnectionStatus.Disconnected : failing ? FailingStatuses[random.Next(FailingStatuses.Length)] : ConnectionStatus.Healthy;
            var cause = CauseOf(status);
            var connectedAt = start.AddHours(-random.Next(1, 24 * 30));
            var failingSince = failing ? now.AddHours(-random.Next(2, 24 * 30)) : (DateTimeOffset?)null;
            var disconnectedAt = disconnected ? now.AddDays(-random.Next(1, days)) : (DateTimeOffset?)null;
            var lastCheck = disconnected ? disconnectedAt!.Value : now.AddMinutes(-random.Next(1, 60));
            rows.Add(SupportSeedTable.Connections, id, teamId, (100_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture),
                $"門市 {i % 10_000:D4} {ShopWord(i)}", "780170000000001", "Dana Chen", disconnected ? null : token, status.ToString(), cause.ToString(),
                (failingSince ?? disconnectedAt ?? connectedAt).UtcTicks, connectedAt.UtcTicks, "Shop admin", disconnectedAt?.UtcTicks,
                disconnected ? "Shop admin" : null, lastCheck.UtcTicks, failing ? "190/460 fbtrace_id AbC123 Error validating access token" : null);
            rows.Add(SupportSeedTable.Events, id, teamId, nameof(ConnectionEventKind.Connected), connectedAt.UtcTicks, "Shop admin", null, null, HistoryNote.FacebookUser("Dana Chen"));
            events++;

            // One past episode for about a fifth of the connections: status changes, the episode, its e-mail.
            DateTimeOffset? pastStart = null, pastEnd = null;
            if (random.NextDouble() < 0.2)
            {
                pastStart = start.AddDays(random.Next(1, Math.Max(2, days - 40))).AddHours(random.Next(24));
                pastEnd = pastStart.Value.AddDays(random.Next(1, 4));
                var pastStatus = FailingStatuses[random.Next(FailingStatuses.Length)];
                var emailId = Guid.NewGuid();
                Email(rows, emailId, teamId, teamEnded[t] ? "Suppressed" : "Sent", pastStart.Value,
                    teamEnded[t] ? null : pastStart.Value.AddMinutes(1).UtcTicks, teamEnded[t] ? null : "owner@shop.test", null);
                rows.Add(SupportSeedTable.Episodes, Guid.NewGuid(), id, teamId, pastStart.Value.UtcTicks, pastEnd.Value.UtcTicks,
                    pastStatus.ToString(), CauseOf(pastStatus).ToString(), Guid.NewGuid(), emailId);
                StatusChanged(rows, id, teamId, pastStart.Value, pastStatus.ToString(), CauseOf(pastStatus).ToString(), null);
                StatusChanged(rows, id, teamId, pastEnd.Value, "Healthy", "None", null);
                episodes++;
                emails++;
                events += 2;
            }
            if (failing)
            {
                var emailId = Guid.NewGuid();
                var state = teamEnded[t] ? "Suppressed" : random.NextDouble() switch { < 0.9 => "Sent", < 0.95 => "Failed", _ => "Pending" };
                Email(rows, emailId, teamId, state, failingSince!.Value,
                    state == "Sent" ? failingSince.Value.AddMinutes(1).UtcTicks : null, state == "Sent" ? "owner@shop.test" : null,
                    state == "Failed" ? "550 mailbox unavailable" : null);
                rows.Add(SupportSeedTable.Episodes, Guid.NewGuid(), id, teamId, failingSince.Value.UtcTicks, null, status.ToString(), cause.ToString(),
                    Guid.NewGuid(), emailId);
                StatusChanged(rows, id, teamId, failingSince.Value, status.ToString(), cause.ToString(), "190/460");
                episodes++;
                emails++;
                events++;
            }
            if (disconnected)
            {
                StatusChanged(rows, id, teamId, disconnectedAt!.Value, "Disconnected", "None", "disconnected");
                rows.Add(SupportSeedTable.Events, id, teamId, nameof(ConnectionEventKind.Disconnected), disconnectedAt.Value.UtcTicks, "Shop admin", null, null, null);
                events += 2;
            }

            var checkAt = start.AddMinutes(random.Next(60));
            var until = disconnectedAt ?? now;
            for (; checkAt < until; checkAt = checkAt.AddDays(1))
            {
                var failed = (failingSince is { } f && checkAt >= f) || (pastStart is { } ps && checkAt >= ps && checkAt < pastEnd);
                rows.Add(SupportSeedTable.Checks, id, teamId, Guid.NewGuid(), checkAt.UtcTicks, failed ? "Failed" : "Passed",
                    failed ? status.ToString() : "Healthy", failed ? cause.ToString() : "None", failed ? 190 : null, failed ? 460 : null,
                    failed ? "AbC123" : null, failed ? "190/460" : null);
                checks++;
            }
        }
        rows.Finish();
        return new SupportSeedCounts(teamCount, connectionCount, checks, episodes, emails, events);
    }

    private static void Email(ISupportSeedRows rows, Guid id, Guid teamId, string state, DateTimeOffset createdAt, long? sentAt, string? recipients, string? error) =>
        rows.Add(SupportSeedTable.Emails, id, teamId, "ConnectionFailure", Guid.NewGuid(), "{}", state, 1, createdAt.UtcTicks, createdAt.UtcTicks,
            sentAt, recipients, "Facebook 專頁串接失效", error);

    private static void StatusChanged(ISupportSeedRows rows, Guid connectionId, Guid teamId, DateTimeOffset at, string status, string cause, string? detail) =>
        rows.Add(SupportSeedTable.Events, connectionId, teamId, nameof(ConnectionEventKind.StatusChanged), at.UtcTicks, "system", status, cause, detail);

    private static FailureCause CauseOf(ConnectionStatus status) => status switch
    {
        ConnectionStatus.NeedsReauthorization => FailureCause.PasswordChangedOrSecurityReset,
        ConnectionStatus.MissingPermission => FailureCause.PermissionMissing,
        ConnectionStatus.NotPageAdmin => FailureCause.PageRoleLost,
        ConnectionStatus.WebhookNotSubscribed => FailureCause.WebhookNotSubscribed,
        ConnectionStatus.NotMessengerReceiver => FailureCause.NotMessengerReceiver,
        _ => FailureCause.None,
    };

    private static string ShopWord(int i) => ShopWords[i % ShopWords.Length];
}
