using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Messaging;

/// <summary>§7.1: RESPONSE within 24 hours; HUMAN_AGENT from 24 hours to 7 days, only with the feature; nothing after.</summary>
public sealed class MessagingWindowTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private MessagingWindow After(TimeSpan elapsed, bool humanAgent)
    {
        var last = time.GetUtcNow();
        time.Advance(elapsed);
        return MessagingWindow.Decide(last, time.GetUtcNow(), humanAgent);
    }

    [Fact]
    public void JustBefore24Hours_IsResponse()
    {
        var window = After(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1), humanAgent: false);
        (window.State, window.MessagingType, window.Tag, window.CanSend).ShouldBe((WindowState.Open, "RESPONSE", (string?)null, true));
    }

    [Fact]
    public void At24Hours_WithHumanAgent_IsMessageTagHumanAgent()
    {
        var window = After(TimeSpan.FromHours(24), humanAgent: true);
        (window.State, window.MessagingType, window.Tag).ShouldBe((WindowState.HumanAgent, "MESSAGE_TAG", "HUMAN_AGENT"));
    }

    [Fact]
    public void At24Hours_WithoutHumanAgent_CannotSend()
    {
        var window = After(TimeSpan.FromHours(30), humanAgent: false);
        (window.State, window.CanSend, window.MessagingType).ShouldBe((WindowState.HumanAgentDisabled, false, (string?)null));
    }

    [Fact]
    public void At7Days_IsClosedEvenWithHumanAgent()
    {
        var window = After(TimeSpan.FromDays(7), humanAgent: true);
        (window.State, window.CanSend).ShouldBe((WindowState.Closed, false));
    }

    [Fact]
    public void NoCustomerMessage_CannotSend() =>
        MessagingWindow.Decide(null, time.GetUtcNow(), true).State.ShouldBe(WindowState.NoCustomerMessage);

    [Fact]
    public void ClosesAt_IsLastMessagePlusTheWindow()
    {
        var last = time.GetUtcNow();
        MessagingWindow.Decide(last, last.AddHours(1), false).ClosesAt.ShouldBe(last.AddHours(24));
        MessagingWindow.Decide(last, last.AddDays(2), true).ClosesAt.ShouldBe(last.AddDays(7));
    }

    [Fact]
    public void JustBefore7Days_WithHumanAgent_CanStillSendWithTheTag()
    {
        var window = After(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), humanAgent: true);
        (window.State, window.CanSend, window.MessagingType, window.Tag).ShouldBe((WindowState.HumanAgent, true, "MESSAGE_TAG", "HUMAN_AGENT"));
    }

    [Fact]
    public void WithoutHumanAgent_SaysWhenTheFeatureWouldHaveClosedIt()
    {
        // The record's contract, not yet shown on the page: the 7-day window's end, whether or not the app has the feature.
        var last = time.GetUtcNow();
        var window = MessagingWindow.Decide(last, last.AddDays(2), humanAgentEnabled: false);
        (window.State, window.ClosesAt, window.Tag).ShouldBe((WindowState.HumanAgentDisabled, (DateTimeOffset?)last.AddDays(7), (string?)null));
    }

    [Fact]
    public void ClosedOrNoMessage_HasNoClosingTimeTypeOrTag()
    {
        var closed = After(TimeSpan.FromDays(8), humanAgent: true);
        var none = MessagingWindow.Decide(null, time.GetUtcNow(), true);

        (closed.ClosesAt, closed.MessagingType, closed.Tag).ShouldBe(((DateTimeOffset?)null, (string?)null, (string?)null));
        (none.ClosesAt, none.CanSend, none.MessagingType).ShouldBe(((DateTimeOffset?)null, false, (string?)null));
    }
}
