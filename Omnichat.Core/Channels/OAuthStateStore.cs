using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Channels;

/// <summary>Issues and consumes the consent dialog's <c>state</c>: bound to one user and team, valid once, for a short time.</summary>
public sealed class OAuthStateStore(IDbContextFactory<OmnichatDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public async Task<string> IssueAsync(Caller caller, OAuthPurpose purpose, Guid? connectionId, string redirectUri, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            throw new InvalidOperationException("Only team members open the consent dialog.");
        }
        var state = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.OAuthStates.Add(new OAuthState
        {
            StateHash = Hash(state),
            UserId = caller.UserId,
            TeamId = teamId,
            Purpose = purpose,
            ConnectionId = connectionId,
            RedirectUri = redirectUri,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        // Old, never-finished round trips are of no use to anyone.
        await db.OAuthStates.Where(s => s.ExpiresAt < now - Lifetime).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return state;
    }

    /// <summary>Marks the state used (atomically, so a double callback cannot both pass) and returns it.</summary>
    public async Task<(OAuthStateCheck Check, OAuthState? State)> ConsumeAsync(string? state, Caller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(state))
        {
            return (OAuthStateCheck.Missing, null);
        }
        var hash = Hash(state);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.OAuthStates.AsNoTracking().SingleOrDefaultAsync(s => s.StateHash == hash, cancellationToken);
        if (stored is null)
        {
            return (OAuthStateCheck.Unknown, null);
        }
        if (stored.UserId != caller.UserId || stored.TeamId != caller.TeamId)
        {
            return (OAuthStateCheck.OtherUser, null);
        }
        if (stored.ConsumedAt is not null)
        {
            return (OAuthStateCheck.AlreadyUsed, stored);
        }
        if (stored.ExpiresAt < now)
        {
            return (OAuthStateCheck.Expired, stored);
        }
        var claimed = await db.OAuthStates
            .Where(s => s.Id == stored.Id && s.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsumedAt, now), cancellationToken);
        return claimed == 1 ? (OAuthStateCheck.Valid, stored) : (OAuthStateCheck.AlreadyUsed, stored);
    }

    private static string Hash(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
}
