namespace Omnichat.Core.Integrations;

/// <summary>A connection's header on its detail page.</summary>
public sealed record ConnectionDetail(
    IntegrationRow Row,
    string? FacebookUserName,
    string ConnectedByName,
    DateTimeOffset ConnectedAt,
    DateTimeOffset? DisconnectedAt,
    string? DisconnectedByName,
    GraphErrorRecord? LastGraphError);
