using System.Collections.Frozen;
using System.Diagnostics;
using Omnichat.Core.Telemetry;
using OpenTelemetry.Trace;

namespace Omnichat.Console.Telemetry;

/// <summary>
/// Decides for traces the console starts itself (a span with a parent follows the parent: <see cref="ParentBasedSampler"/>
/// around this one). Requests, and database or HTTP calls made outside any unit of work, are kept at
/// <see cref="TelemetryOptions.TraceSampleRatio"/> by trace id: recording every one of them cost the webhook endpoint
/// more than the 10% the issue allows. Background runs, which are few and which an operator wants each of (a check
/// run, an e-mail dispatch, a Quartz job), are always kept. A webhook's processing is kept when a request it links to
/// was, so a sampled webhook is followed from its 200 to the inbox; processing whose requests were not sampled (or came
/// to another instance) gets the ratio like a request. Named one by one rather than by kind: Blazor's and SignalR's
/// own spans are internal too, and come with every click.
/// </summary>
internal sealed class RootSampler : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);

    private static readonly FrozenSet<string> BackgroundRuns =
        FrozenSet.Create(StringComparer.Ordinal, OmnichatTracing.CheckRunName, OmnichatTracing.EmailDispatchName, TelemetryRegistration.QuartzJobName);

    private readonly TraceIdRatioBasedSampler byRatio;

    public RootSampler(double ratio)
    {
        byRatio = new TraceIdRatioBasedSampler(ratio);
        Description = $"OmnichatRootSampler{{{ratio}}}";
    }

    /// <summary>The console's sampler: the parent's decision where there is one, this one's for a root.</summary>
    public static Sampler ParentBased(double ratio) => new ParentBasedSampler(new RootSampler(ratio));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (BackgroundRuns.Contains(samplingParameters.Name))
        {
            return Keep;
        }
        if (samplingParameters.Links is { } links && string.Equals(samplingParameters.Name, OmnichatTracing.WebhookProcessingName, StringComparison.Ordinal))
        {
            foreach (var link in links)
            {
                if (link.Context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded))
                {
                    return Keep;
                }
            }
        }
        return byRatio.ShouldSample(samplingParameters);
    }
}
