namespace Omnichat.Console.Benchmarks;

/// <summary>
/// A table the support-list seed writes, with the columns it fills in the order <see cref="SupportListSeed"/> gives
/// them; each provider's writer builds its own statement from these. Columns left out are nullable or generated.
/// </summary>
public sealed record SupportSeedTable(string Name, IReadOnlyList<string> Columns)
{
    public static readonly SupportSeedTable Teams = new("Teams", ["Id", "Name", "PlanEndsOn", "Culture", "NotificationEmails"]);

    public static readonly SupportSeedTable Connections = new("PageConnections",
    [
        "Id", "TeamId", "PageId", "PageName", "FacebookUserId", "FacebookUserName", "ProtectedPageToken", "Status", "Cause",
        "StatusChangedAt", "ConnectedAt", "ConnectedByName", "DisconnectedAt", "DisconnectedByName", "LastCheckedAt", "LastError",
    ]);

    public static readonly SupportSeedTable Checks = new("ConnectionChecks",
        ["ConnectionId", "TeamId", "RunId", "At", "Outcome", "Status", "Cause", "ErrorCode", "ErrorSubcode", "FbTraceId", "Detail"]);

    public static readonly SupportSeedTable Episodes = new("FailureEpisodes",
        ["Id", "ConnectionId", "TeamId", "StartedAt", "EndedAt", "Status", "Cause", "RunId", "EmailId"]);

    public static readonly SupportSeedTable Emails = new("OutboxEmails",
    [
        "Id", "TeamId", "Kind", "RunId", "Payload", "State", "Attempts", "CreatedAt", "NextAttemptAt", "SentAt", "Recipients",
        "Subject", "LastError",
    ]);

    public static readonly SupportSeedTable Events = new("ConnectionEvents",
        ["ConnectionId", "TeamId", "Kind", "At", "ActorName", "Status", "Cause", "Detail"]);

    public static IReadOnlyList<SupportSeedTable> All { get; } = [Teams, Connections, Checks, Episodes, Emails, Events];
}
