namespace Omnichat.Console.Sandbox.World;

public sealed class SandboxPage
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "Shopping & retail";
    /// <summary>Set when people reach the page through a business portfolio (then business_management is needed).</summary>
    public string? BusinessId { get; set; }
    /// <summary>Facebook user id to that user's tasks on the page (MANAGE, MESSAGING, ...).</summary>
    public Dictionary<string, List<string>> Roles { get; set; } = [];
    /// <summary>The default (receiver) app in conversation routing.</summary>
    public string ReceiverAppId { get; set; } = "";
    /// <summary>Installed app id to its subscribed webhook fields.</summary>
    public Dictionary<string, List<string>> SubscribedApps { get; set; } = [];
    /// <summary>People who wrote to the page, by PSID.</summary>
    public Dictionary<string, SandboxCustomer> Customers { get; set; } = [];
    /// <summary>Meta restricts the page from sending (policy): sends fail 10/1893063.</summary>
    public bool MessagingRestricted { get; set; }
    /// <summary>When webhooks for this page started failing; Meta unsubscribes the app after a while.</summary>
    public DateTimeOffset? WebhookFailingSince { get; set; }
    /// <summary>Every thread of the page, for the Conversations API (§17); kept even when no webhook was delivered.</summary>
    public List<SandboxConversation> Conversations { get; set; } = [];
    /// <summary>
    /// Meta's high-volume limit (a page sending over 40 messages/s): listing the page's conversations fails, reading a
    /// single conversation still works.
    /// </summary>
    public bool HighVolume { get; set; }
}
