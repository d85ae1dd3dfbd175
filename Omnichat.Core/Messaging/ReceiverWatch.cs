using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;

namespace Omnichat.Core.Messaging;

/// <summary>
/// No API reads a page's Messenger receiver (§9.4), so it is inferred: customer events under <c>standby</c> (or a send
/// failing with 2018300) mean another app is the receiver; customer events under <c>messaging</c> again mean we are.
/// Failing goes through the <see cref="CheckResultRecorder"/>, so the banner and the once-only e-mail behave exactly as
/// for the hourly check; clearing is done here, because the recorder leaves NotMessengerReceiver alone on a pass.
/// </summary>
public sealed class ReceiverWatch(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    CheckResultRecorder recorder,
    ChannelChangeNotifier channels,
    TimeProvider time)
{
    /// <param name="signals">Per connection: true when its latest customer event came under standby.</param>
    public async Task ApplyAsync(IReadOnlyDictionary<Guid, bool> signals, CancellationToken cancellationToken)
    {
        var ids = signals.Keys.ToList();
        Dictionary<Guid, PageConnection> connections;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            connections = await db.PageConnections.AsNoTracking()
                .Where(c => ids.Contains(c.Id) && c.Status != ConnectionStatus.Disconnected)
                .ToDictionaryAsync(c => c.Id, cancellationToken);
        }
        var now = time.GetUtcNow();
        var failing = signals.Where(s => s.Value && connections.TryGetValue(s.Key, out var c) && c.Status != ConnectionStatus.NotMessengerReceiver)
            .ToDictionary(s => s.Key, _ => PageVerdict.Failed(ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver, detail: HistoryNote.ReceiverStandby));
        if (failing.Count > 0)
        {
            await recorder.RecordAsync(Guid.NewGuid(), failing, now, cancellationToken);
        }
        foreach (var (connectionId, _) in signals.Where(s => !s.Value))
        {
            if (connections.TryGetValue(connectionId, out var connection) && connection.Status == ConnectionStatus.NotMessengerReceiver)
            {
                await ClearAsync(connectionId, now, cancellationToken);
            }
        }
    }

    /// <summary>A send failed with 2018300: the same verdict as standby events.</summary>
    public Task ReportSendRefusedAsync(Guid connectionId, string detail, CancellationToken cancellationToken) =>
        recorder.RecordAsync(Guid.NewGuid(),
            new Dictionary<Guid, PageVerdict> { [connectionId] = PageVerdict.Failed(ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver, detail: detail) },
            time.GetUtcNow(), cancellationToken);

    private async Task ClearAsync(Guid connectionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.PageConnections.SingleAsync(c => c.Id == connectionId, cancellationToken);
        if (connection.Status != ConnectionStatus.NotMessengerReceiver)
        {
            return;
        }
        await ConnectionStatusChange.ApplyAsync(db, connection, ConnectionStatus.Healthy, FailureCause.None, now, HistoryNote.ReceiverMessaging, cancellationToken);
        connection.LastError = null;
        await db.SaveChangesAsync(cancellationToken);
        await channels.NotifyAsync(connection.TeamId);
    }
}
