using Microsoft.EntityFrameworkCore.Design;

namespace Omnichat.Core.Data;

/// <summary>Lets `dotnet ef migrations add --context PostgresOmnichatDbContext` build the model; nothing connects.</summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresOmnichatDbContext>
{
    public PostgresOmnichatDbContext CreateDbContext(string[] args) =>
        (PostgresOmnichatDbContext)OmnichatDatabase.CreateContext(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=omnichat_design_time");
}
