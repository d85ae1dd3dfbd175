using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Receiving : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastCustomerMessageAt",
                table: "PageConnections",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastEventAt",
                table: "PageConnections",
                type: "bigint",
                nullable: true);

            // Pages connected before this migration show their latest customer message at once, from their
            // conversations (the time the customer wrote it, a moment before it was received); the rest starts now.
            migrationBuilder.Sql("""
                UPDATE "PageConnections" SET "LastCustomerMessageAt" =
                    (SELECT MAX(c."LastCustomerMessageAt") FROM "Conversations" c WHERE c."ConnectionId" = "PageConnections"."Id")
                WHERE "Status" <> 'Disconnected';
                """);

            migrationBuilder.CreateTable(
                name: "ReceivingDays",
                columns: table => new
                {
                    ConnectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CustomerMessages = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivingDays", x => new { x.ConnectionId, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivingDays_Day",
                table: "ReceivingDays",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceivingDays");

            migrationBuilder.DropColumn(
                name: "LastCustomerMessageAt",
                table: "PageConnections");

            migrationBuilder.DropColumn(
                name: "LastEventAt",
                table: "PageConnections");
        }
    }
}
