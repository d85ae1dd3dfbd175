using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuthorizedPagesByPageId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Category",
                table: "AuthorizedPages");

            migrationBuilder.CreateIndex(
                name: "IX_AuthorizedPages_PageId",
                table: "AuthorizedPages",
                column: "PageId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuthorizedPages_PageId",
                table: "AuthorizedPages");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "AuthorizedPages",
                type: "TEXT",
                nullable: true);
        }
    }
}
