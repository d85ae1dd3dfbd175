using Microsoft.EntityFrameworkCore.Design;

namespace Omnichat.Core.Data;

/// <summary>Lets `dotnet ef migrations add --context SqliteOmnichatDbContext` build the model without starting the console.</summary>
internal sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteOmnichatDbContext>
{
    public SqliteOmnichatDbContext CreateDbContext(string[] args) =>
        (SqliteOmnichatDbContext)OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
