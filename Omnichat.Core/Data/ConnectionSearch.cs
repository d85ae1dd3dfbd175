using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;

namespace Omnichat.Core.Data;

/// <summary>
/// The support list's search on each provider: connections whose page name or team name contains the term, or whose
/// page id starts with it, ignoring case. Same rows on both; how they are found differs.
/// </summary>
/// <remarks>
/// SQLite scans the narrow list index once, matching the three conditions on each row (its <c>LIKE</c> ignores case).
/// PostgreSQL would scan 100,000 rows per query the same way, and the list runs several queries per page, so there each
/// condition is answered by an index of its own and the matches are united: trigram indexes on the lower-cased names
/// (<c>lower(name::text)</c>, the same case rule as the <c>citext</c> columns, which trigram indexes cannot take) and a
/// pattern index on the page id (migration <c>SearchIndexes</c>).
/// </remarks>
public static class ConnectionSearch
{
    public static IQueryable<PageConnection> Matching(this OmnichatDbContext db, IQueryable<PageConnection> connections, string term)
    {
        var contains = $"%{EscapeLike(term)}%";
        var startsWith = $"{EscapeLike(term)}%";
        if (db.Database.IsNpgsql())
        {
            var ids = db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "PageConnections" WHERE lower("PageName"::text) LIKE lower({contains}) ESCAPE '\'
                UNION SELECT "Id" FROM "PageConnections" WHERE "PageId" LIKE {startsWith} ESCAPE '\'
                UNION SELECT "Id" FROM "PageConnections" WHERE "TeamId" IN (
                    SELECT "Id" FROM "Teams" WHERE lower("Name"::text) LIKE lower({contains}) ESCAPE '\')
                """);
            return connections.Where(c => ids.Contains(c.Id));
        }
        var teams = db.Teams.Where(t => EF.Functions.Like(t.Name, contains, "\\")).Select(t => t.Id);
        return connections.Where(c => EF.Functions.Like(c.PageName, contains, "\\")
            || EF.Functions.Like(c.PageId, startsWith, "\\")
            || teams.Contains(c.TeamId));
    }

    private static string EscapeLike(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
