using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;

namespace Omnichat.Tests.Facebook;

public sealed class ConnectionStatusRulesTests
{
    [Theory]
    [InlineData(FailureCause.None, ConnectionStatus.Healthy)]
    [InlineData(FailureCause.PasswordChangedOrSecurityReset, ConnectionStatus.NeedsReauthorization)]
    [InlineData(FailureCause.SessionInvalidated, ConnectionStatus.NeedsReauthorization)]
    [InlineData(FailureCause.Checkpoint, ConnectionStatus.NeedsReauthorization)]
    [InlineData(FailureCause.TokenExpired, ConnectionStatus.NeedsReauthorization)]
    [InlineData(FailureCause.UnconfirmedAccount, ConnectionStatus.NeedsReauthorization)]
    [InlineData(FailureCause.AppRemoved, ConnectionStatus.NeedsReauthorization)]
    [InlineData(FailureCause.TokenInvalid, ConnectionStatus.NeedsReauthorization)]
    [InlineData(FailureCause.BusinessAppRemoved, ConnectionStatus.NeedsReauthorization)]
    [InlineData(FailureCause.PageNotGranted, ConnectionStatus.MissingPermission)]
    [InlineData(FailureCause.PermissionMissing, ConnectionStatus.MissingPermission)]
    [InlineData(FailureCause.PageRoleLost, ConnectionStatus.NotPageAdmin)]
    [InlineData(FailureCause.WebhookNotSubscribed, ConnectionStatus.WebhookNotSubscribed)]
    [InlineData(FailureCause.NotMessengerReceiver, ConnectionStatus.NotMessengerReceiver)]
    public void StatusFor_ConnectionCause_ReturnsDesignStatus(FailureCause cause, ConnectionStatus expected)
    {
        ConnectionStatusRules.StatusFor(cause).ShouldBe(expected);
        ConnectionStatusRules.DecidesStatus(cause).ShouldBeTrue();
    }

    [Theory]
    [InlineData(FailureCause.Transient)]
    [InlineData(FailureCause.RateLimited)]
    [InlineData(FailureCause.Configuration)]
    [InlineData(FailureCause.AppNotLive)]
    [InlineData(FailureCause.Unknown)]
    [InlineData(FailureCause.PageRestricted)]
    [InlineData(FailureCause.OutsideMessagingWindow)]
    [InlineData(FailureCause.RecipientUnavailable)]
    [InlineData(FailureCause.RecipientNotFound)]
    [InlineData(FailureCause.AttachmentRejected)]
    [InlineData(FailureCause.MessageRejected)]
    public void StatusFor_CauseThatDecidesNothing_Throws(FailureCause cause)
    {
        ConnectionStatusRules.DecidesStatus(cause).ShouldBeFalse();
        ConnectionStatusRules.TryGetStatus(cause, out _).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => ConnectionStatusRules.StatusFor(cause));
    }

    [Fact]
    public void StatusFor_EveryCause_IsCoveredByOneOfTheTheories()
    {
        // A new FailureCause must be placed deliberately: add it to one of the two theories above.
        Enum.GetValues<FailureCause>().Length.ShouldBe(25);
    }
}
