using Microsoft.EntityFrameworkCore;

namespace Omnichat.Core.Data;

/// <summary>The model on SQLite, the embedded default; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteOmnichatDbContext(DbContextOptions<SqliteOmnichatDbContext> options) : OmnichatDbContext(options);
