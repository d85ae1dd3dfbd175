namespace Omnichat.Core.Telemetry;

/// <summary>One reading of <see cref="DatabaseGauges"/>.</summary>
public sealed record DatabaseSnapshot(
    IReadOnlyList<ConnectionCount> Connections,
    int WebhookBacklog,
    int PendingEmails,
    DateTimeOffset? LastCheckCompletedAt);
