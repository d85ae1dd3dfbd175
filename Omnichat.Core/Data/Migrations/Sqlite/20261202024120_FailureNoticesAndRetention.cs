using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FailureNoticesAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "NoticeId",
                table: "FailureEpisodes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HttpStatus",
                table: "ConnectionChecks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "ConnectionChecks",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DailyCheckCounts",
                columns: table => new
                {
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Passed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyCheckCounts", x => new { x.ConnectionId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "FailureNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Person = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EmailId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FailureNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FailureEpisodes_NoticeId_Open",
                table: "FailureEpisodes",
                column: "NoticeId",
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DailyCheckCounts_TeamId_Day",
                table: "DailyCheckCounts",
                columns: new[] { "TeamId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_FailureNotices_Key_Open",
                table: "FailureNotices",
                columns: new[] { "TeamId", "Cause", "Person" },
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            // Connections made in the console never had a status change to stamp StatusChangedAt, so it stayed at year 1
            // (0 ticks): take the time they were connected, or their first recorded event.
            migrationBuilder.Sql("""
                UPDATE "PageConnections" SET "StatusChangedAt" = COALESCE(
                    NULLIF("ConnectedAt", 0),
                    (SELECT MIN(ev."At") FROM "ConnectionEvents" ev WHERE ev."ConnectionId" = "PageConnections"."Id"),
                    0)
                WHERE "StatusChangedAt" = 0;
                """);

            // Failures already e-mailed before this version become notices, so a page found failing from the same cause
            // after the upgrade joins them instead of sending another e-mail. One notice per team, cause and person (the
            // rule of FailureNotice.PersonOf as it stands here), named by its earliest episode; its e-mail is that one's.
            const string person = """
                CASE WHEN e."Status" IN ('NeedsReauthorization', 'MissingPermission', 'NotPageAdmin')
                     THEN COALESCE(c."FacebookUserId", '') ELSE '' END
                """;
            migrationBuilder.Sql($"""
                INSERT INTO "FailureNotices" ("Id", "TeamId", "Cause", "Person", "EmailId", "RunId", "StartedAt", "EndedAt")
                SELECT k."Id", k."TeamId", k."Cause", k."Person", k."EmailId", k."RunId", k."StartedAt", NULL
                FROM (SELECT e."Id", e."TeamId", e."Cause", e."EmailId", e."RunId", e."StartedAt", {person} AS "Person",
                             ROW_NUMBER() OVER (PARTITION BY e."TeamId", e."Cause", {person} ORDER BY e."StartedAt", e."Id") AS "Rank"
                      FROM "FailureEpisodes" e JOIN "PageConnections" c ON c."Id" = e."ConnectionId"
                      WHERE e."EndedAt" IS NULL AND e."EmailId" IS NOT NULL) k
                WHERE k."Rank" = 1;
                """);
            migrationBuilder.Sql($"""
                UPDATE "FailureEpisodes" SET "NoticeId" = (
                    SELECT n."Id" FROM "FailureNotices" n, "FailureEpisodes" e JOIN "PageConnections" c ON c."Id" = e."ConnectionId"
                    WHERE e."Id" = "FailureEpisodes"."Id" AND n."EndedAt" IS NULL
                      AND n."TeamId" = e."TeamId" AND n."Cause" = e."Cause" AND n."Person" = {person})
                WHERE "EndedAt" IS NULL AND "EmailId" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyCheckCounts");

            migrationBuilder.DropTable(
                name: "FailureNotices");

            migrationBuilder.DropIndex(
                name: "IX_FailureEpisodes_NoticeId_Open",
                table: "FailureEpisodes");

            migrationBuilder.DropColumn(
                name: "NoticeId",
                table: "FailureEpisodes");

            migrationBuilder.DropColumn(
                name: "HttpStatus",
                table: "ConnectionChecks");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "ConnectionChecks");
        }
    }
}
