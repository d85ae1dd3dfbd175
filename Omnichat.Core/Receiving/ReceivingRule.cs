using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;

namespace Omnichat.Core.Receiving;

/// <summary>
/// The one place that decides whether a page "may not be receiving": it usually hears from customers (on average
/// <see cref="ReceivingOptions.UsualCustomerMessagesPerDay"/> or more a day over the <see cref="ReceivingOptions.UsualOverDays"/>
/// whole days before today) and no customer message came for <see cref="ReceivingOptions.SilentFor"/>, while the page is
/// working and subscribed. A page that is failing already shows why; this is only a hint, never an episode or an e-mail,
/// and it ends with the next customer message.
/// </summary>
public sealed class ReceivingRule(IOptions<ReceivingOptions> options)
{
    private ReceivingOptions Options => options.Value;

    /// <summary>Customer messages per connection over the days the average is taken over: a few rows per page.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> UsualCountsAsync(OmnichatDbContext db, IReadOnlyCollection<Guid> connectionIds,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Today(now);
        var first = today.AddDays(-Options.UsualOverDays);
        return await db.ReceivingDays.AsNoTracking()
            .Where(d => connectionIds.Contains(d.ConnectionId) && d.Day >= first && d.Day < today)
            .GroupBy(d => d.ConnectionId)
            .Select(g => new { g.Key, Count = g.Sum(d => d.CustomerMessages) })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <param name="usualCount">The connection's customer messages over the usual days, from <see cref="UsualCountsAsync"/>.</param>
    public ReceivingView Decide(PageConnection connection, int usualCount, DateTimeOffset now)
    {
        var usual = usualCount >= (long)Options.UsualCustomerMessagesPerDay * Options.UsualOverDays;
        var silent = connection.LastCustomerMessageAt is not { } last || now - last >= Options.SilentFor;
        var notice = connection.Status == ConnectionStatus.Healthy && usual && silent
            ? new SilenceNotice(Options.UsualCustomerMessagesPerDay, Options.UsualOverDays, Options.SilentFor, usualCount / Options.UsualOverDays)
            : null;
        return new ReceivingView(connection.LastEventAt, connection.LastCustomerMessageAt, notice);
    }

    /// <summary>The day a webhook received at <paramref name="at"/> is counted on.</summary>
    public static DateOnly Today(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
