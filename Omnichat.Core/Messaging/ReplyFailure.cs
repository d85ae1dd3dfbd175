namespace Omnichat.Core.Messaging;

/// <summary>What a failed reply means for the agent (§8.4), coarser than the Graph error it came from.</summary>
public enum ReplyFailure
{
    /// <summary>The 24-hour window (or HUMAN_AGENT's 7 days) is closed.</summary>
    OutsideWindow,
    /// <summary>The person blocked the page, deactivated, or cannot receive messages now.</summary>
    RecipientUnavailable,
    /// <summary>Meta restricts the page from sending for a while.</summary>
    PageRestricted,
    /// <summary>Another app is the page's Messenger receiver / controls the thread (2018300).</summary>
    AnotherAppControls,
    /// <summary>Token, permission or role: the connection itself is broken; every reply fails until it is fixed.</summary>
    IntegrationBroken,
    /// <summary>Facebook did not answer usefully; trying again later may work.</summary>
    Transient,
    /// <summary>Anything else about this one message (bad recipient, attachment, our configuration).</summary>
    Other,
}
