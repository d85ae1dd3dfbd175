using Omnichat.Core.Retention;

namespace Omnichat.Tests.Data;

public sealed class RetentionOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_AreFine() =>
        new RetentionOptionsValidator().Validate(null, new RetentionOptions()).Succeeded.ShouldBeTrue();

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblemAtOnce()
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions
        {
            WebhookBodies = TimeSpan.FromSeconds(30),
            ParkedEvents = TimeSpan.Zero,
            PassedChecks = TimeSpan.FromHours(1),
            BatchSize = 0,
        });

        result.Failed.ShouldBeTrue();
        result.Failures!.Count().ShouldBe(4);
        result.FailureMessage.ShouldContain("Retention:WebhookBodies");
        result.FailureMessage.ShouldContain("Retention:BatchSize");
    }
}
