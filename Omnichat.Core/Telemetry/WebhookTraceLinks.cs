using System.Collections.Concurrent;
using System.Diagnostics;

namespace Omnichat.Core.Telemetry;

/// <summary>
/// Ties a delivery's processing span to the request that stored it, so one webhook can be followed from its 200 to
/// the inbox update although the two happen apart (the body is stored first, processed afterwards, as a span of its
/// own). Kept in memory, ids only, and only while a tracer records: a delivery processed by another instance, or after
/// a restart, simply has no link. Bounded, so a processor that stopped cannot make it grow.
/// </summary>
public sealed class WebhookTraceLinks
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<long, ActivityContext> stored = new();

    /// <summary>The request traced as <paramref name="request"/> (default: not recorded) stored delivery <paramref name="deliveryId"/>.</summary>
    /// <remarks>
    /// Called by the intake before it answers the request or wakes processing: a link written by the request after its
    /// answer raced the processor, which could take the delivery first.
    /// </remarks>
    public void Stored(long deliveryId, ActivityContext request)
    {
        if (request != default && stored.Count < Capacity)
        {
            stored[deliveryId] = request;
        }
    }

    /// <summary>The trace of the request running now, if a tracer records it: what <see cref="Stored"/> is later given.</summary>
    public static ActivityContext Current() => Activity.Current is { Recorded: true } request ? request.Context : default;

    /// <summary>Links to the requests that stored these deliveries; each is handed out once.</summary>
    public IReadOnlyList<ActivityLink> Take(IReadOnlyCollection<long> deliveryIds)
    {
        if (stored.IsEmpty)
        {
            return [];
        }
        var links = new List<ActivityLink>();
        foreach (var id in deliveryIds)
        {
            if (stored.TryRemove(id, out var context))
            {
                links.Add(new ActivityLink(context));
            }
        }
        return links;
    }
}
