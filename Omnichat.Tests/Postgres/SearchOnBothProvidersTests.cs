using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Data;
using Omnichat.Core.Integrations;
using Omnichat.Tests.Components;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Postgres;

/// <summary>Support staff type a name as they remember it: the search ignores case on SQLite and on PostgreSQL alike.</summary>
public sealed class SearchOnBothProvidersTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "OTHER SHOP", "Other Shop 高雄店")]
    [InlineData(DatabaseProvider.Postgres, "OTHER SHOP", "Other Shop 高雄店")]
    [InlineData(DatabaseProvider.Sqlite, "demo shop 台北", "Demo Shop 台北店")]
    [InlineData(DatabaseProvider.Postgres, "demo shop 台北", "Demo Shop 台北店")]
    [InlineData(DatabaseProvider.Postgres, "1102000000000", "Demo Shop 台北店,Demo Shop 旗艦店")]
    [InlineData(DatabaseProvider.Postgres, "%", "")]
    public async Task Search_AnyCase_FindsTheSamePages(string provider, string search, string expected)
    {
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"omnichat-search-{Guid.NewGuid():N}.db");
        var connectionString = provider == DatabaseProvider.Postgres ? PostgresServer.Shared.CreateDatabase() : $"Data Source={sqliteFile}";
        await using var services = new ServiceCollection()
            .AddOmnichatDatabase(provider, connectionString)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(IntegrationData.Now))
            .AddIntegrations()
            .BuildServiceProvider();
        try
        {
            await using (var db = await services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
                IntegrationData.Seed(db);
                await db.SaveChangesAsync();
            }

            var list = await services.GetRequiredService<IntegrationStatusService>()
                .ListAsync(TestCallers.Support, new IntegrationQuery(Search: search, Sort: IntegrationSort.Page), CancellationToken.None);

            string.Join(",", list.Rows.Select(r => r.PageName)).ShouldBe(expected);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(sqliteFile);
        }
    }
}
