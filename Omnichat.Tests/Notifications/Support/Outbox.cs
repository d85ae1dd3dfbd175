using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Notifications.Support;

/// <summary>Writes outbox rows the way the health checker does, and reads them back, on a running console's database.</summary>
public sealed class Outbox(Func<Task<OmnichatDbContext>> open)
{
    public Outbox(ConsoleServer server)
        : this(() => server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
    {
    }

    public static readonly FailedPage Taipei = new(Guid.NewGuid(), "100000000000001", "Demo Shop 台北店",
        ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset);
    public static readonly FailedPage Receiver = new(Guid.NewGuid(), "100000000000002", "Demo Shop 台中店",
        ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver);

    public async Task<Team> UpdateTeamAsync(string name, Action<Team> change)
    {
        await using var db = await CreateAsync();
        var team = await db.Teams.SingleAsync(t => t.Name == name);
        change(team);
        await db.SaveChangesAsync();
        return team;
    }

    public async Task<Team> AddTeamAsync(string name)
    {
        await using var db = await CreateAsync();
        var team = new Team { Name = name };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team;
    }

    public async Task<Guid> EnqueueAsync(string teamName, DateTimeOffset now, EmailState state = EmailState.Pending, params FailedPage[] pages)
    {
        await using var db = await CreateAsync();
        var team = await db.Teams.SingleAsync(t => t.Name == teamName);
        var email = new OutboxEmail
        {
            TeamId = team.Id,
            Kind = EmailKind.ConnectionFailure,
            RunId = Guid.NewGuid(),
            Payload = OutboxPayloadJson.Serialize(new ConnectionFailurePayload(pages.Length > 0 ? pages : [Taipei])),
            State = state,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync();
        return email.Id;
    }

    public async Task<OutboxEmail> GetAsync(Guid id)
    {
        await using var db = await CreateAsync();
        return await db.OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    public async Task UpdateAsync(Guid id, Action<OutboxEmail> change)
    {
        await using var db = await CreateAsync();
        change(await db.OutboxEmails.SingleAsync(e => e.Id == id));
        await db.SaveChangesAsync();
    }

    private Task<OmnichatDbContext> CreateAsync() => open();
}
