using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SystemUserGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientBusinessId",
                table: "FacebookGrants",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "FacebookGrants",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Person");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClientBusinessId",
                table: "FacebookGrants");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "FacebookGrants");
        }
    }
}
