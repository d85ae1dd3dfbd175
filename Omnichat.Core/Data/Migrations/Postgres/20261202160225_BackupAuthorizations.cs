using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BackupAuthorizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvalidCause",
                table: "AuthorizedPages",
                type: "character varying(48)",
                maxLength: 48,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<long>(
                name: "InvalidSince",
                table: "AuthorizedPages",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InvalidCause",
                table: "AuthorizedPages");

            migrationBuilder.DropColumn(
                name: "InvalidSince",
                table: "AuthorizedPages");
        }
    }
}
