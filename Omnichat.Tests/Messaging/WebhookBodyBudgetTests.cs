using Microsoft.Extensions.Options;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Messaging;

public sealed class WebhookBodyBudgetTests
{
    [Fact]
    public void TryReserve_UpToTheLimit_Fits_OneByteMore_IsRefusedWhole_UntilReleased()
    {
        var budget = new WebhookBodyBudget(Options.Create(new WebhookOptions { MaxBodyBytesInFlight = 100 }));

        budget.TryReserve(60).ShouldBeTrue();
        budget.TryReserve(40).ShouldBeTrue();
        budget.TryReserve(1).ShouldBeFalse();
        budget.InFlight.ShouldBe(100, "a refused reservation takes nothing");

        budget.Release(60);
        budget.TryReserve(61).ShouldBeFalse();
        budget.TryReserve(60).ShouldBeTrue();
    }

    [Fact]
    public void Validator_TooSmallBudgetAndNoTimeout_ReportsBothAtOnce()
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { MaxBodyBytesInFlight = 1024, StoreTimeout = TimeSpan.Zero });

        result.Failed.ShouldBeTrue();
        result.Failures.Count().ShouldBe(2);
        result.FailureMessage.ShouldContain("Webhooks:MaxBodyBytesInFlight");
        result.FailureMessage.ShouldContain("Webhooks:StoreTimeout");
        new WebhookOptionsValidator().Validate(null, new WebhookOptions()).Succeeded.ShouldBeTrue();
    }
}
