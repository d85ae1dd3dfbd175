using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;
using Omnichat.Core.Telemetry;

namespace Omnichat.Tests.Telemetry;

/// <summary>Enum values become label values in OpenTelemetry's style, worked out once and handed out again.</summary>
public sealed class LabelValueTests
{
    [Fact]
    public void Of_PascalCaseValues_AreSnakeCase()
    {
        LabelValue.Of(ConnectionStatus.NeedsReauthorization).ShouldBe("needs_reauthorization");
        LabelValue.Of(ConnectionStatus.Healthy).ShouldBe("healthy");
        LabelValue.Of(ReplyFailure.AnotherAppControls).ShouldBe("another_app_controls");
        LabelValue.Of(ReplyOutcomeKind.NotConnected).ShouldBe("not_connected");
    }

    [Fact]
    public void Of_TheSameValueTwice_IsTheSameString() =>
        ReferenceEquals(LabelValue.Of(ReplyFailure.OutsideWindow), LabelValue.Of(ReplyFailure.OutsideWindow)).ShouldBeTrue("recording a reply allocates no label");

    [Fact]
    public void Of_AValueTheEnumDoesNotName_IsItsNumber() => LabelValue.Of((ReplyFailure)99).ShouldBe("99");
}
