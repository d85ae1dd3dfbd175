namespace Omnichat.Core.Channels;

/// <summary>
/// Why a connection (or one Graph call) failed, fine-grained enough to tell a shop owner what happened
/// and what to do. Several causes share one <see cref="ConnectionStatus"/>.
/// </summary>
public enum FailureCause
{
    None,
    /// <summary>190/460: the Facebook user changed the password or Facebook reset the session for security.</summary>
    PasswordChangedOrSecurityReset,
    /// <summary>190/467 or 466 (and the rare 456/457/461/462/465/468): logged out everywhere, two-factor turned on, session killed.</summary>
    SessionInvalidated,
    /// <summary>190/459: account checkpointed; the user must clear it on facebook.com first.</summary>
    Checkpoint,
    /// <summary>190/463: the token passed its expiry.</summary>
    TokenExpired,
    /// <summary>190/464: the Facebook account is not confirmed.</summary>
    UnconfirmedAccount,
    /// <summary>190/458 or the deauthorize callback: the user removed our app.</summary>
    AppRemoved,
    /// <summary>190 without subcode, "...must be granted before impersonating a user's page": the page was de-selected in the dialog.</summary>
    PageNotGranted,
    /// <summary>10 / 200-299 / 3 / 230: a required permission was declined or revoked.</summary>
    PermissionMissing,
    /// <summary>190/492 or tasks without MANAGE: the authorizing user lost the page role.</summary>
    PageRoleLost,
    /// <summary>Our app is missing from the page's subscribed_apps and re-subscribing failed.</summary>
    WebhookNotSubscribed,
    /// <summary>Another app is the page's Messenger receiver (standby events, 2018300).</summary>
    NotMessengerReceiver,
    /// <summary>A token Facebook cannot read at all (190 without a known subcode).</summary>
    TokenInvalid,
    /// <summary>The app is not live or lacks Advanced Access (200 "Cannot message users who are not admins...").</summary>
    AppNotLive,
    /// <summary>Facebook did not answer usefully (timeouts, 5xx, codes 1/2, rate limits): decides nothing.</summary>
    Transient,
    /// <summary>A rate limit (4, 17, 32, 341, 613, 80001, 80006).</summary>
    RateLimited,
    /// <summary>A bad request on our side (100 and similar).</summary>
    Configuration,
    Unknown,
    /// <summary>10/1893063 or 368: Meta restricts the page (or the user) from sending for a while because of a policy.</summary>
    PageRestricted,
    /// <summary>10/2018278, 10/2018065, 10/2534022: the 24-hour window is closed; HUMAN_AGENT or wait for the customer.</summary>
    OutsideMessagingWindow,
    /// <summary>551, 10/2018108, x/1545041: the person blocked the page, deactivated or is not reachable right now.</summary>
    RecipientUnavailable,
    /// <summary>100/2018001, 100/2534014: no such recipient for this page (wrong PSID, or one from another page).</summary>
    RecipientNotFound,
    /// <summary>100/2018008, 2018047, 2018074, 2018109, 2018294: the attachment could not be fetched, uploaded or was too big.</summary>
    AttachmentRejected,
    /// <summary>Marketing-message and tag limits on one person (4/2018354, 9, 613/2018338, 613/1893016): stop sending that kind to them.</summary>
    MessageRejected,
    /// <summary>
    /// A system user's token ended (190/458 and the like): its business removed our app under Business Settings >
    /// Integrations > Connected apps, the only thing that ends such a token.
    /// </summary>
    BusinessAppRemoved,
}
