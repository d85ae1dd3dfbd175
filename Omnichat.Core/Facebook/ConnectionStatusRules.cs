using Omnichat.Core.Channels;

namespace Omnichat.Core.Facebook;

/// <summary>The one place that says which connection status a failure cause puts a connection in (design.md's status table).</summary>
public static class ConnectionStatusRules
{
    /// <summary>
    /// The status a connection takes because of <paramref name="cause"/>. Causes that say nothing about the
    /// connection (transient, rate limits, one message, our configuration) have no status: asking is a bug,
    /// so check <see cref="DecidesStatus"/> or use <see cref="TryGetStatus"/> first.
    /// </summary>
    public static ConnectionStatus StatusFor(FailureCause cause) =>
        TryGetStatus(cause, out var status)
            ? status
            : throw new ArgumentOutOfRangeException(nameof(cause), cause, "This cause does not decide a connection status.");

    public static bool DecidesStatus(FailureCause cause) => TryGetStatus(cause, out _);

    public static bool TryGetStatus(FailureCause cause, out ConnectionStatus status)
    {
        ConnectionStatus? found = cause switch
        {
            FailureCause.None => ConnectionStatus.Healthy,
            FailureCause.PasswordChangedOrSecurityReset
                or FailureCause.SessionInvalidated
                or FailureCause.Checkpoint
                or FailureCause.TokenExpired
                or FailureCause.UnconfirmedAccount
                or FailureCause.AppRemoved
                or FailureCause.BusinessAppRemoved
                or FailureCause.TokenInvalid => ConnectionStatus.NeedsReauthorization,
            FailureCause.PageNotGranted or FailureCause.PermissionMissing => ConnectionStatus.MissingPermission,
            FailureCause.PageRoleLost => ConnectionStatus.NotPageAdmin,
            FailureCause.WebhookNotSubscribed => ConnectionStatus.WebhookNotSubscribed,
            FailureCause.NotMessengerReceiver => ConnectionStatus.NotMessengerReceiver,
            _ => null,
        };
        status = found.GetValueOrDefault();
        return found.HasValue;
    }
}
