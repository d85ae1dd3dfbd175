namespace Omnichat.Core.Facebook;

/// <summary>The page webhook fields an inbox needs; echoes and standby are what show replies from other apps and routing trouble.</summary>
public static class MessengerWebhookFields
{
    public static readonly IReadOnlyList<string> Required =
    [
        "messages",
        "messaging_postbacks",
        "message_echoes",
        "message_deliveries",
        "message_reads",
        "messaging_handovers",
        "standby",
    ];
}
