using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Teams",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "Asia/Taipei");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Teams");
        }
    }
}
