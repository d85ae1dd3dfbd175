using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;

namespace Omnichat.Tests.Data;

/// <summary>
/// An existing console upgraded past the migration that adds failure notices: connections made in the console get a
/// real StatusChangedAt, and failures already e-mailed become notices the next pages of the same failure join.
/// </summary>
public sealed class OneEmailPerFailureMigrationTests : IDisposable
{
    private const string Before = "20261130053654_CustomerNames";
    private const string Team = "11111111-1111-1111-1111-111111111111";
    private const string Taipei = "AAAAAAAA-0000-0000-0000-000000000001";
    private const string Taichung = "AAAAAAAA-0000-0000-0000-000000000002";
    private const string Kaohsiung = "AAAAAAAA-0000-0000-0000-000000000003";
    private const string FirstEpisode = "EEEEEEEE-0000-0000-0000-000000000001";
    private const string FirstEmail = "CCCCCCCC-0000-0000-0000-000000000001";
    private readonly string folder = Directory.CreateTempSubdirectory("omnichat-migration-").FullName;

    [Fact]
    public async Task Upgrade_StampsStatusChangedAtFromConnectedAtOrFirstEvent_AndTurnsOpenEmailedFailuresIntoOneNotice()
    {
        await using var db = Context();
        await db.GetService<IMigrator>().MigrateAsync(Before);
        // Fixed ids only: nothing here comes from outside the test.
        var rows = $$"""
            INSERT INTO "PageConnections" ("Id", "TeamId", "PageId", "PageName", "FacebookUserId", "Status", "Cause", "StatusChangedAt", "ConnectedAt", "ConnectedByName") VALUES
                ('{{Taipei}}', '{{Team}}', '104500000000001', 'Taipei', 'dana', 'NeedsReauthorization', 'PasswordChangedOrSecurityReset', 0, 1000, 'Admin'),
                ('{{Taichung}}', '{{Team}}', '104500000000002', 'Taichung', 'dana', 'NeedsReauthorization', 'PasswordChangedOrSecurityReset', 0, 0, 'Admin'),
                ('{{Kaohsiung}}', '{{Team}}', '104500000000003', 'Kaohsiung', 'dana', 'Healthy', 'None', 777, 700, 'Admin');
            INSERT INTO "ConnectionEvents" ("ConnectionId", "TeamId", "Kind", "At", "ActorName") VALUES
                ('{{Taichung}}', '{{Team}}', 'Connected', 600, 'Admin'), ('{{Taichung}}', '{{Team}}', 'StatusChanged', 900, 'system');
            INSERT INTO "FailureEpisodes" ("Id", "ConnectionId", "TeamId", "StartedAt", "EndedAt", "Status", "Cause", "RunId", "EmailId") VALUES
                ('{{FirstEpisode}}', '{{Taipei}}', '{{Team}}', 2000, NULL, 'NeedsReauthorization', 'PasswordChangedOrSecurityReset', '{{Guid.NewGuid()}}', '{{FirstEmail}}'),
                ('{{Guid.NewGuid()}}', '{{Taichung}}', '{{Team}}', 3000, NULL, 'NeedsReauthorization', 'PasswordChangedOrSecurityReset', '{{Guid.NewGuid()}}', '{{Guid.NewGuid()}}'),
                ('{{Guid.NewGuid()}}', '{{Kaohsiung}}', '{{Team}}', 100, 200, 'NotPageAdmin', 'PageRoleLost', '{{Guid.NewGuid()}}', '{{Guid.NewGuid()}}');
            """;
        await db.Database.ExecuteSqlRawAsync(rows);

        await db.Database.MigrateAsync();

        var stamped = await db.PageConnections.AsNoTracking().ToDictionaryAsync(c => c.PageName, c => c.StatusChangedAt.UtcTicks);
        stamped.ShouldBe(new Dictionary<string, long> { ["Taipei"] = 1000, ["Taichung"] = 600, ["Kaohsiung"] = 777 });
        var notice = await db.FailureNotices.AsNoTracking().SingleAsync();
        notice.Id.ShouldBe(Guid.Parse(FirstEpisode));
        notice.EmailId.ShouldBe(Guid.Parse(FirstEmail));
        (notice.Cause, notice.Person, notice.EndedAt).ShouldBe((FailureCause.PasswordChangedOrSecurityReset, "dana", (DateTimeOffset?)null));
        var episodes = await db.FailureEpisodes.AsNoTracking().ToDictionaryAsync(e => e.ConnectionId, e => e.NoticeId);
        episodes[Guid.Parse(Taipei)].ShouldBe(notice.Id);
        episodes[Guid.Parse(Taichung)].ShouldBe(notice.Id);
        episodes[Guid.Parse(Kaohsiung)].ShouldBeNull();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private OmnichatDbContext Context() =>
        OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "omnichat.db")}");
}
