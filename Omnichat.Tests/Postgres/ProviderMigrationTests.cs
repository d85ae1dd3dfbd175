using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;

namespace Omnichat.Tests.Postgres;

/// <summary>Both migrations sets are made from the one model: a model change without a migration for each fails here.</summary>
public sealed class ProviderMigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=9;Database=never_opened")]
    public void EachProvider_HasAMigrationForEveryModelChange(string provider, string connectionString)
    {
        using var db = OmnichatDatabase.CreateContext(provider, connectionString);

        db.GetType().ShouldBe(OmnichatDatabase.ContextType(provider));
        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse(
            $"the model changed without a {provider} migration: dotnet ef migrations add <Name> --project Omnichat.Core --startup-project Omnichat.Core " +
            $"--context {OmnichatDatabase.ContextType(provider).Name} --output-dir Data/Migrations/{provider}");
    }

    [Fact]
    public void TheProviders_MapTheSameEntitiesAndColumns()
    {
        using var sqlite = OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = OmnichatDatabase.CreateContext(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=9;Database=never_opened");

        Columns(postgres).ShouldBe(Columns(sqlite));
    }

    private static string[] Columns(OmnichatDbContext db) =>
        [.. db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
            .Order(StringComparer.Ordinal)];
}
