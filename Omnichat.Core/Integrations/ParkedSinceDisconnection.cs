namespace Omnichat.Core.Integrations;

/// <summary>
/// What reached a disconnected connection's page while no team had it: events kept aside because the page was
/// disconnected, from this connection's disconnection until the page was next connected by anyone (or until now).
/// </summary>
/// <param name="Until">When the page was next connected, by any team; null while nobody has connected it since.</param>
/// <param name="CustomerMessages">Messages and button taps from customers; echoes, receipts and the rest are not counted.</param>
public sealed record ParkedSinceDisconnection(
    string PageId,
    DateTimeOffset DisconnectedAt,
    DateTimeOffset? Until,
    int Events,
    int CustomerMessages);
