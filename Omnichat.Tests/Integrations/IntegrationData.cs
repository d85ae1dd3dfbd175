using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Components;

namespace Omnichat.Tests.Integrations;

/// <summary>
/// A small world for the integration status tests: Demo Shop with a healthy page and a page whose password-change
/// failure was announced by e-mail, Other Shop (plan ended) with a page whose e-mail was suppressed.
/// </summary>
internal static class IntegrationData
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid OtherShopId = Guid.Parse("0b6c5d1e-2f3a-4b5c-8d7e-9f0a1b2c3d4e");
    public static readonly Guid HealthyId = Guid.Parse("10000000-0000-0000-0000-000000000001");
    public static readonly Guid FailingId = Guid.Parse("10000000-0000-0000-0000-000000000002");
    public static readonly Guid OtherFailingId = Guid.Parse("10000000-0000-0000-0000-000000000003");
    public static readonly Guid EmailId = Guid.Parse("20000000-0000-0000-0000-000000000001");
    public static readonly Guid SuppressedEmailId = Guid.Parse("20000000-0000-0000-0000-000000000002");
    public const string HealthyPage = "Demo Shop 旗艦店";
    public const string FailingPage = "Demo Shop 台北店";
    public const string FailingPageId = "110200000000002";
    public const string OtherPage = "Other Shop 高雄店";
    public const string OtherShop = "Other Shop";

    public static readonly Caller OtherAdmin = new("user-other", "Other admin", OtherShopId, IsTeamAdmin: true, IsSupport: false);
    public static readonly Caller Nobody = new("user-none", "No team", null, IsTeamAdmin: false, IsSupport: false);

    public static void Seed(OmnichatDbContext db)
    {
        db.Teams.Add(new Team { Id = TestCallers.DemoShopId, Name = TestCallers.DemoShop });
        db.Teams.Add(new Team { Id = OtherShopId, Name = OtherShop, PlanEndsOn = new DateOnly(2026, 10, 31) });

        var connectedAt = Now.AddDays(-40);
        db.PageConnections.Add(Connection(HealthyId, TestCallers.DemoShopId, "110200000000001", HealthyPage, connectedAt, ConnectionStatus.Healthy, FailureCause.None));
        db.PageConnections.Add(Connection(FailingId, TestCallers.DemoShopId, FailingPageId, FailingPage, connectedAt,
            ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset));
        db.PageConnections.Add(Connection(OtherFailingId, OtherShopId, "220200000000001", OtherPage, connectedAt,
            ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost));

        // Demo Shop's page: a week of passed checks, then the password change three days ago, announced by e-mail.
        var failedAt = Now.AddDays(-3);
        for (var day = 10; day > 3; day--)
        {
            db.ConnectionChecks.Add(Check(FailingId, TestCallers.DemoShopId, Now.AddDays(-day), CheckOutcome.Passed, ConnectionStatus.Healthy, FailureCause.None));
        }
        db.ConnectionChecks.Add(Check(FailingId, TestCallers.DemoShopId, failedAt, CheckOutcome.Failed, ConnectionStatus.NeedsReauthorization,
            FailureCause.PasswordChangedOrSecurityReset, 190, 460, "AbCdEfTrace1"));
        var timedOut = Check(FailingId, TestCallers.DemoShopId, Now.AddHours(-1), CheckOutcome.Inconclusive, ConnectionStatus.NeedsReauthorization,
            FailureCause.Transient);
        timedOut.Reason = InconclusiveReason.TimedOut;
        db.ConnectionChecks.Add(timedOut);
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = FailingId, TeamId = TestCallers.DemoShopId, Kind = ConnectionEventKind.Connected, At = connectedAt,
            ActorName = TestCallers.TeamAdmin.DisplayName, Detail = "Facebook user Dana Chen",
        });
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = FailingId, TeamId = TestCallers.DemoShopId, Kind = ConnectionEventKind.StatusChanged, At = failedAt, ActorName = "system",
            Status = ConnectionStatus.NeedsReauthorization, Cause = FailureCause.PasswordChangedOrSecurityReset, Detail = "190/460",
        });
        db.FailureEpisodes.Add(new FailureEpisode
        {
            ConnectionId = FailingId, TeamId = TestCallers.DemoShopId, StartedAt = failedAt, Status = ConnectionStatus.NeedsReauthorization,
            Cause = FailureCause.PasswordChangedOrSecurityReset, EmailId = EmailId,
        });
        db.OutboxEmails.Add(new OutboxEmail
        {
            Id = EmailId, TeamId = TestCallers.DemoShopId, RunId = Guid.NewGuid(), State = EmailState.Sent, CreatedAt = failedAt,
            NextAttemptAt = failedAt, SentAt = failedAt.AddMinutes(1), Recipients = "admin@demo.local", Subject = "串接失效",
        });

        // Other Shop: failing for five days, plan ended, so its e-mail was suppressed.
        var otherFailedAt = Now.AddDays(-5);
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = OtherFailingId, TeamId = OtherShopId, Kind = ConnectionEventKind.StatusChanged, At = otherFailedAt, ActorName = "system",
            Status = ConnectionStatus.NotPageAdmin, Cause = FailureCause.PageRoleLost,
        });
        db.FailureEpisodes.Add(new FailureEpisode
        {
            ConnectionId = OtherFailingId, TeamId = OtherShopId, StartedAt = otherFailedAt, Status = ConnectionStatus.NotPageAdmin,
            Cause = FailureCause.PageRoleLost, EmailId = SuppressedEmailId,
        });
        db.OutboxEmails.Add(new OutboxEmail
        {
            Id = SuppressedEmailId, TeamId = OtherShopId, RunId = Guid.NewGuid(), State = EmailState.Suppressed, CreatedAt = otherFailedAt,
            NextAttemptAt = otherFailedAt,
        });
    }

    private static PageConnection Connection(Guid id, Guid teamId, string pageId, string name, DateTimeOffset connectedAt,
        ConnectionStatus status, FailureCause cause) => new()
    {
        Id = id,
        TeamId = teamId,
        PageId = pageId,
        PageName = name,
        Status = status,
        Cause = cause,
        StatusChangedAt = connectedAt,
        ConnectedAt = connectedAt,
        ConnectedByName = "admin",
        LastCheckedAt = Now.AddHours(-1),
        ProtectedPageToken = "protected",
    };

    private static ConnectionCheck Check(Guid connectionId, Guid teamId, DateTimeOffset at, CheckOutcome outcome, ConnectionStatus status,
        FailureCause cause, int? code = null, int? subcode = null, string? trace = null) => new()
    {
        ConnectionId = connectionId,
        TeamId = teamId,
        RunId = Guid.NewGuid(),
        At = at,
        Outcome = outcome,
        Status = status,
        Cause = cause,
        ErrorCode = code,
        ErrorSubcode = subcode,
        FbTraceId = trace,
        Detail = code is null ? null : $"{code}/{subcode} fbtrace_id {trace}",
    };
}
