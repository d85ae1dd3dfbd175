using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EventGaps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Backfill = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    BackfillStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BackfillEndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConversationsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Recovered = table.Column<int>(type: "INTEGER", nullable: false),
                    Unrecoverable = table.Column<int>(type: "INTEGER", nullable: false),
                    BackfillError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
