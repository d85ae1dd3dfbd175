using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Postgres
{
    /// <summary>
    /// The indexes PostgreSQL's support search reads (<see cref="ConnectionSearch"/>): trigram indexes on the lower-cased
    /// page and team names for "contains", a pattern index on the page id for "starts with". Expression and operator
    /// class indexes are not part of the EF model, so this migration is SQL only and changes no model; SQLite's search
    /// needs none of them. pg_trgm ships with PostgreSQL and is a trusted extension: the database owner may create it.
    /// </summary>
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_PageConnections_PageName_Trigram" ON "PageConnections" USING gin (lower("PageName"::text) gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_Teams_Name_Trigram" ON "Teams" USING gin (lower("Name"::text) gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_PageConnections_PageId_Pattern" ON "PageConnections" ("PageId" varchar_pattern_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_PageConnections_PageId_Pattern";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Teams_Name_Trigram";""");
            migrationBuilder.Sql("""DROP INDEX "IX_PageConnections_PageName_Trigram";""");
        }
    }
}
