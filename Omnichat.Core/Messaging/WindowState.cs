namespace Omnichat.Core.Messaging;

public enum WindowState
{
    /// <summary>Within 24 hours of the customer's last message: RESPONSE.</summary>
    Open,
    /// <summary>24 hours to 7 days, Human Agent enabled: MESSAGE_TAG + HUMAN_AGENT.</summary>
    HumanAgent,
    /// <summary>24 hours to 7 days, but the app has no Human Agent feature: nothing may be sent.</summary>
    HumanAgentDisabled,
    /// <summary>More than 7 days: only the customer can reopen the conversation.</summary>
    Closed,
    /// <summary>The customer never wrote (only replies from elsewhere are known).</summary>
    NoCustomerMessage,
}
