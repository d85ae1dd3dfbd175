using System.Diagnostics;
using Omnichat.Console.Telemetry;
using Omnichat.Core.Telemetry;
using OpenTelemetry.Trace;

namespace Omnichat.Tests.Telemetry;

/// <summary>
/// Which traces the console keeps: requests by the ratio, background runs always, a webhook's processing with the
/// request that stored it, children with their parent.
/// </summary>
public sealed class RootSamplerTests
{
    private static readonly ActivityContext SampledParent = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
    private static readonly ActivityContext UnsampledParent = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None, isRemote: true);

    private static SamplingDecision Decide(double ratio, string name, ActivityKind kind, ActivityContext parent = default, IEnumerable<ActivityLink>? links = null) =>
        RootSampler.ParentBased(ratio).ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), name, kind, tags: null, links)).Decision;

    [Theory]
    [InlineData(0.0, SamplingDecision.Drop)]
    [InlineData(1.0, SamplingDecision.RecordAndSample)]
    public void Request_WithoutParent_IsDecidedByTheRatio(double ratio, SamplingDecision expected)
    {
        Decide(ratio, "POST /webhooks/facebook", ActivityKind.Server).ShouldBe(expected);
        Decide(ratio, "SELECT", ActivityKind.Client).ShouldBe(expected, "a query outside any unit of work is a root like a request");
    }

    [Fact]
    public void Requests_AtATenthRatio_AboutOneInTenIsKept()
    {
        var kept = Enumerable.Range(0, 10_000).Count(_ => Decide(0.1, "POST /webhooks/facebook", ActivityKind.Server) == SamplingDecision.RecordAndSample);

        // Random trace ids: the binomial's standard deviation is 30, so 800-1200 is six of them either side.
        kept.ShouldBeInRange(800, 1200);
    }

    [Theory]
    [InlineData(OmnichatTracing.CheckRunName)]
    [InlineData(OmnichatTracing.EmailDispatchName)]
    [InlineData(Omnichat.Console.Telemetry.TelemetryRegistration.QuartzJobName)]
    public void BackgroundRun_IsKeptWhateverTheRatio(string name) =>
        Decide(0.0, name, ActivityKind.Internal).ShouldBe(SamplingDecision.RecordAndSample);

    [Fact]
    public void AnotherInternalRoot_IsDecidedByTheRatio() =>
        Decide(0.0, "Microsoft.AspNetCore.Components.HandleEvent", ActivityKind.Internal).ShouldBe(SamplingDecision.Drop, "Blazor's spans come with every click");

    [Fact]
    public void WebhookProcessing_LinkedToARecordedRequest_IsKeptWhateverTheRatio() =>
        Decide(0.0, OmnichatTracing.WebhookProcessingName, ActivityKind.Internal, links: [new ActivityLink(UnsampledParent), new ActivityLink(SampledParent)])
            .ShouldBe(SamplingDecision.RecordAndSample);

    [Fact]
    public void WebhookProcessing_WithoutARecordedRequest_IsDecidedByTheRatio()
    {
        Decide(0.0, OmnichatTracing.WebhookProcessingName, ActivityKind.Internal).ShouldBe(SamplingDecision.Drop);
        Decide(0.0, OmnichatTracing.WebhookProcessingName, ActivityKind.Internal, links: [new ActivityLink(UnsampledParent)]).ShouldBe(SamplingDecision.Drop);
        Decide(1.0, OmnichatTracing.WebhookProcessingName, ActivityKind.Internal).ShouldBe(SamplingDecision.RecordAndSample);
    }

    [Fact]
    public void Child_FollowsItsParent_NotTheRatioNorItsKind()
    {
        Decide(0.0, "SELECT", ActivityKind.Client, SampledParent).ShouldBe(SamplingDecision.RecordAndSample);
        Decide(1.0, "SELECT", ActivityKind.Client, UnsampledParent).ShouldBe(SamplingDecision.Drop);
        Decide(1.0, OmnichatTracing.CheckRunName, ActivityKind.Internal, UnsampledParent)
            .ShouldBe(SamplingDecision.Drop, "a check run a request started is part of that request's trace");
    }
}
