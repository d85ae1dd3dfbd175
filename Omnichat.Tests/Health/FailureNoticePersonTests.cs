using Omnichat.Core.Channels;
using Omnichat.Core.Health;

namespace Omnichat.Tests.Health;

/// <summary>
/// Which failures are one e-mail: a dead token, a permission taken back or a lost role is one Facebook user's doing,
/// so Dana's and Sam's are told apart; a page dropped from our webhook or handed to another app is about the page, so
/// such pages share one e-mail whoever connected them.
/// </summary>
public sealed class FailureNoticePersonTests
{
    [Theory]
    [InlineData(ConnectionStatus.NeedsReauthorization)]
    [InlineData(ConnectionStatus.MissingPermission)]
    [InlineData(ConnectionStatus.NotPageAdmin)]
    public void PersonOf_OnePersonsAuthorizationFailed_IsThatPerson(ConnectionStatus status)
    {
        FailureNotice.PersonOf(status, "dana").ShouldBe("dana");
        FailureNotice.PersonOf(status, "sam").ShouldNotBe(FailureNotice.PersonOf(status, "dana"));
    }

    [Theory]
    [InlineData(ConnectionStatus.WebhookNotSubscribed)]
    [InlineData(ConnectionStatus.NotMessengerReceiver)]
    public void PersonOf_PageLevelFailure_IsTheSameForEveryone(ConnectionStatus status)
    {
        FailureNotice.PersonOf(status, "dana").ShouldBe(FailureNotice.AnyPerson);
        FailureNotice.PersonOf(status, "sam").ShouldBe(FailureNotice.PersonOf(status, "dana"));
    }

    [Fact]
    public void PersonOf_ConnectionWithoutAFacebookUser_SharesTheTeamsNotice() =>
        FailureNotice.PersonOf(ConnectionStatus.NeedsReauthorization, null).ShouldBe(FailureNotice.AnyPerson);
}
