using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Receiving;

namespace Omnichat.Tests.Receiving;

/// <summary>When a page that usually hears from customers has been quiet long enough for the yellow notice.</summary>
public sealed class ReceivingRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly ReceivingRule Rule = new(Options.Create(new ReceivingOptions()));

    private static PageConnection Page(ConnectionStatus status = ConnectionStatus.Healthy, TimeSpan? silentFor = null) => new()
    {
        PageId = "104500000000001",
        PageName = "台北店",
        Status = status,
        LastCustomerMessageAt = Now - (silentFor ?? TimeSpan.FromHours(7)),
        LastEventAt = Now - TimeSpan.FromMinutes(1),
    };

    [Fact]
    public void Decide_TwentyADayAndSevenHoursQuiet_GivesTheNoticeWithTheRule()
    {
        var view = Rule.Decide(Page(), 20 * 7, Now);

        view.Silence.ShouldBe(new SilenceNotice(20, 7, TimeSpan.FromHours(6), 20));
        view.LastCustomerMessageAt.ShouldBe(Now - TimeSpan.FromHours(7));
        view.LastEventAt.ShouldBe(Now - TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Decide_JustBelowTwentyADay_IsAQuietPage_NoNotice() =>
        Rule.Decide(Page(), 20 * 7 - 1, Now).Silence.ShouldBeNull();

    [Fact]
    public void Decide_ExactlySixHoursQuiet_GivesTheNotice() =>
        Rule.Decide(Page(silentFor: TimeSpan.FromHours(6)), 200, Now).Silence.ShouldNotBeNull();

    [Fact]
    public void Decide_AMessageWithinSixHours_NoNotice() =>
        Rule.Decide(Page(silentFor: TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1)), 200, Now).Silence.ShouldBeNull();

    [Theory]
    [InlineData(ConnectionStatus.WebhookNotSubscribed)]
    [InlineData(ConnectionStatus.NeedsReauthorization)]
    [InlineData(ConnectionStatus.NotMessengerReceiver)]
    public void Decide_PageAlreadyFailing_ItsStatusSaysWhy_NoNotice(ConnectionStatus status) =>
        Rule.Decide(Page(status), 200, Now).Silence.ShouldBeNull();

    [Fact]
    public void Decide_ConfiguredThresholds_AreTheOnesApplied()
    {
        var rule = new ReceivingRule(Options.Create(new ReceivingOptions { UsualCustomerMessagesPerDay = 1, UsualOverDays = 2, SilentFor = TimeSpan.FromHours(1) }));

        rule.Decide(Page(silentFor: TimeSpan.FromHours(2)), 2, Now).Silence.ShouldBe(new SilenceNotice(1, 2, TimeSpan.FromHours(1), 1));
        rule.Decide(Page(silentFor: TimeSpan.FromMinutes(30)), 2, Now).Silence.ShouldBeNull();
    }

    [Fact]
    public void Validate_EveryProblemAtOnce()
    {
        var result = new ReceivingOptionsValidator().Validate(null, new ReceivingOptions
        {
            UsualCustomerMessagesPerDay = 0,
            UsualOverDays = 0,
            SilentFor = TimeSpan.FromMinutes(1),
        });

        result.Failed.ShouldBeTrue();
        result.Failures!.Count().ShouldBe(3);
        result.FailureMessage.ShouldContain("Receiving:UsualCustomerMessagesPerDay");
        result.FailureMessage.ShouldContain("Receiving:UsualOverDays");
        result.FailureMessage.ShouldContain("Receiving:SilentFor");
    }

    [Fact]
    public void Validate_Defaults_Pass() =>
        new ReceivingOptionsValidator().Validate(null, new ReceivingOptions()).Succeeded.ShouldBeTrue();

    [Fact]
    public void Validate_SilenceLongerThanTheDaysAveraged_Fails() =>
        new ReceivingOptionsValidator().Validate(null, new ReceivingOptions { UsualOverDays = 1, SilentFor = TimeSpan.FromHours(25) })
            .FailureMessage!.ShouldContain("Receiving:SilentFor");
}
