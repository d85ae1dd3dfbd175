using Omnichat.Core.Notifications;

namespace Omnichat.Tests.Notifications;

/// <summary>
/// The help page's promise for an SMTP outage: the reminder is tried again after 30 s, then at doubling intervals up
/// to 15 minutes, so a long outage is ridden out without hammering the server and the e-mail still goes out soon after.
/// </summary>
public sealed class OutboxRetryDelayTests
{
    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 480)]
    [InlineData(6, 900)]
    [InlineData(7, 900)]
    [InlineData(50, 900)]
    public void RetryDelay_AfterAttempts_DoublesFromThirtySecondsUpToFifteenMinutes(int attempts, int seconds) =>
        OutboxDispatcher.RetryDelay(attempts).ShouldBe(TimeSpan.FromSeconds(seconds));
}
