using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Backfill;
using Omnichat.Core.Channels;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Core.Notifications;
using Omnichat.Core.Receiving;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Data;

/// <summary>
/// The console's model, the same on every provider. Each provider has a context of its own deriving from this one
/// (<see cref="SqliteOmnichatDbContext"/>, <see cref="PostgresOmnichatDbContext"/>) so each keeps its own migrations;
/// everything else asks for this type.
/// </summary>
public abstract class OmnichatDbContext(DbContextOptions options)
    : IdentityDbContext<ConsoleUser>(options), IDataProtectionKeyContext
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<FacebookGrant> FacebookGrants => Set<FacebookGrant>();
    public DbSet<AuthorizedPage> AuthorizedPages => Set<AuthorizedPage>();
    public DbSet<PageConnection> PageConnections => Set<PageConnection>();
    public DbSet<ConnectionEvent> ConnectionEvents => Set<ConnectionEvent>();
    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ConnectionCheck> ConnectionChecks => Set<ConnectionCheck>();
    public DbSet<FailureEpisode> FailureEpisodes => Set<FailureEpisode>();
    public DbSet<FailureNotice> FailureNotices => Set<FailureNotice>();
    public DbSet<DailyCheckCount> DailyCheckCounts => Set<DailyCheckCount>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<ParkedEvent> ParkedEvents => Set<ParkedEvent>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<ConsoleSetting> ConsoleSettings => Set<ConsoleSetting>();
    public DbSet<CheckRun> CheckRuns => Set<CheckRun>();
    public DbSet<EventGap> EventGaps => Set<EventGap>();
    public DbSet<ReceivingDay> ReceivingDays => Set<ReceivingDay>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OmnichatDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Readable in the database and stable when members are reordered.
        configurationBuilder.Properties<ConnectionStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FailureCause>().HaveConversion<string>().HaveMaxLength(48);
        configurationBuilder.Properties<ConnectionEventKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<OAuthPurpose>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<GrantKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CheckOutcome>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<InconclusiveReason>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<EmailState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<EmailKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<WebhookDeliveryState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ParkedReason>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MessageDirection>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MessageKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DeliveryState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<EchoSource>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReplyFailure>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<GapCause>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<BackfillState>().HaveConversion<string>().HaveMaxLength(16);
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so indexes work on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
