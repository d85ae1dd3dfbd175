using Omnichat.Core.Data;

namespace Omnichat.Core.Channels;

/// <summary>The one place a connection's status changes, so every change lands in its history.</summary>
public static class ConnectionStatusChange
{
    public static void Apply(OmnichatDbContext db, PageConnection connection, ConnectionStatus status, FailureCause cause,
        DateTimeOffset at, string? detail = null)
    {
        if (connection.Status == status && connection.Cause == cause)
        {
            return;
        }
        connection.Status = status;
        connection.Cause = cause;
        connection.StatusChangedAt = at;
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = connection.Id,
            TeamId = connection.TeamId,
            Kind = ConnectionEventKind.StatusChanged,
            At = at,
            ActorName = "system",
            Status = status,
            Cause = cause,
            Detail = detail,
        });
    }
}
