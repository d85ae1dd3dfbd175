using System.Collections.Concurrent;

namespace Omnichat.Core.Teams;

/// <summary>This instance's notifiers by kind: where a change that arrived on the bus is handed to open pages.</summary>
public sealed class ChangeRouter
{
    private readonly ConcurrentDictionary<string, TeamNotifier> notifiers = new();

    internal void Attach(string kind, TeamNotifier notifier)
    {
        if (!notifiers.TryAdd(kind, notifier))
        {
            throw new InvalidOperationException($"Two notifiers for the kind '{kind}'.");
        }
    }

    public void Deliver(string kind, Guid teamId)
    {
        if (notifiers.TryGetValue(kind, out var notifier))
        {
            notifier.Deliver(teamId);
        }
    }

    /// <summary>After changes may have been missed (the bus was disconnected): every open page refreshes once.</summary>
    public void DeliverToAll()
    {
        foreach (var notifier in notifiers.Values)
        {
            notifier.DeliverToAll();
        }
    }

    /// <summary>The bus's wire form, <c>kind:teamId</c>: well under PostgreSQL's 8,000-byte limit.</summary>
    public static string Payload(string kind, Guid teamId) => $"{kind}:{teamId:N}";

    public void DeliverPayload(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Guid.TryParseExact(payload[(colon + 1)..], "N", out var teamId))
        {
            Deliver(payload[..colon], teamId);
        }
    }
}
