using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerFirstName",
                table: "Conversations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerLastName",
                table: "Conversations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CustomerProfileCheckedAt",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_NameLookup",
                table: "Conversations",
                column: "CustomerProfileCheckedAt",
                filter: "\"CustomerFirstName\" IS NULL AND \"CustomerLastName\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_NameLookup",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CustomerFirstName",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CustomerLastName",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CustomerProfileCheckedAt",
                table: "Conversations");
        }
    }
}
