using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Recovered",
                table: "Messages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EventGaps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: false),
                    PageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Cause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true),
                    DetectedAt = table.Column<long>(type: "bigint", nullable: false),
                    Backfill = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: true),
                    BackfillStartedAt = table.Column<long>(type: "bigint", nullable: true),
                    BackfillEndedAt = table.Column<long>(type: "bigint", nullable: true),
                    ConversationsRead = table.Column<int>(type: "integer", nullable: false),
                    Recovered = table.Column<int>(type: "integer", nullable: false),
                    Unrecoverable = table.Column<int>(type: "integer", nullable: false),
                    BackfillError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventGaps", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventGaps_Backfill_LeaseUntil",
                table: "EventGaps",
                columns: new[] { "Backfill", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_EventGaps_ConnectionId_StartedAt",
                table: "EventGaps",
                columns: new[] { "ConnectionId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventGaps_TeamId_EndedAt",
                table: "EventGaps",
                columns: new[] { "TeamId", "EndedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventGaps");

            migrationBuilder.DropColumn(
                name: "Recovered",
                table: "Messages");
        }
    }
}
