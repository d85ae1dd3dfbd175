using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Messaging;

/// <summary>
/// The token Meta's subscription handshake must present: <c>Facebook:WebhookVerifyToken</c>, or, when that is empty,
/// one generated on first start and stored in the database, so it survives restarts and is the same on every instance.
/// The start-up log prints it with the callback URL, for the operator to paste into the Meta app dashboard.
/// </summary>
public sealed class WebhookVerifyToken(IDbContextFactory<OmnichatDbContext> dbFactory, IOptions<FacebookOptions> facebook, ILogger<WebhookVerifyToken> logger)
{
    public const string SettingKey = "Facebook:WebhookVerifyToken";
    private string? value;

    public string Value => value ?? throw new InvalidOperationException("Call EnsureAsync at start-up first.");

    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        if (value is not null)
        {
            return value;
        }
        if (!string.IsNullOrWhiteSpace(facebook.Value.WebhookVerifyToken))
        {
            return value = facebook.Value.WebhookVerifyToken;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ConsoleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == SettingKey, cancellationToken);
        if (stored is null)
        {
            stored = new ConsoleSetting { Key = SettingKey, Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) };
            db.ConsoleSettings.Add(stored);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Generated a webhook verify token and stored it in the database");
            }
            catch (DbUpdateException)
            {
                // Another instance generated it first: use theirs.
                db.ChangeTracker.Clear();
                stored = await db.ConsoleSettings.AsNoTracking().SingleAsync(s => s.Key == SettingKey, cancellationToken);
            }
        }
        return value = stored.Value;
    }

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(candidate), System.Text.Encoding.UTF8.GetBytes(Value));
}
