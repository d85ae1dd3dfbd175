using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Omnichat.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the console.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OmnichatDbContext>
{
    public OmnichatDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<OmnichatDbContext>();
        DatabaseRegistration.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new OmnichatDbContext(builder.Options);
    }
}
