namespace Omnichat.Core.Retention;

/// <summary>What one daily clean-up did.</summary>
public sealed record RetentionSummary(int PassedChecksRolledUp, int WebhookBodiesRemoved, int ParkedEventsRemoved, int ReceivingDaysRemoved);
