using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Data;

/// <summary>The model on PostgreSQL; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresOmnichatDbContext(DbContextOptions<PostgresOmnichatDbContext> options) : OmnichatDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Support staff search names as they remember them: SQLite's LIKE ignores case, PostgreSQL's only on citext.
        builder.HasPostgresExtension("citext");
        builder.Entity<Team>().Property(t => t.Name).HasColumnType("citext");
        builder.Entity<PageConnection>().Property(c => c.PageName).HasColumnType("citext");
    }
}
