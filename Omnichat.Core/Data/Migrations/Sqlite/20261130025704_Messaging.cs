using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Messaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsoleSettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsoleSettings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Psid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastCustomerMessageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastMessageAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastMessagePreview = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnreadCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Mid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveryState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EchoSource = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AppId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    FromStandby = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MessagingType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    ErrorSubcode = table.Column<int>(type: "INTEGER", nullable: true),
                    FbTraceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SendAttempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ParkedEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    PageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EventJson = table.Column<string>(type: "TEXT", nullable: false),
                    EventAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ParkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParkedEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDeliveries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_TeamId_LastMessageAt",
                table: "Conversations",
                columns: new[] { "TeamId", "LastMessageAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_TeamId_PageId_Psid",
                table: "Conversations",
                columns: new[] { "TeamId", "PageId", "Psid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ConversationId_At",
                table: "Messages",
                columns: new[] { "ConversationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_PageId_Mid",
                table: "Messages",
                columns: new[] { "PageId", "Mid" },
                unique: true,
                filter: "\"Mid\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ParkedEvents_PageId_EventAt",
                table: "ParkedEvents",
                columns: new[] { "PageId", "EventAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDeliveries_State_Id",
                table: "WebhookDeliveries",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsoleSettings");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "ParkedEvents");

            migrationBuilder.DropTable(
                name: "WebhookDeliveries");
        }
    }
}
