using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupportListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PageConnections_LastCheckedAt_Id",
                table: "PageConnections",
                columns: new[] { "LastCheckedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PageConnections_List",
                table: "PageConnections",
                columns: new[] { "Status", "PageName", "Id", "TeamId", "PageId", "Cause", "LastCheckedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PageConnections_PageName_Id",
                table: "PageConnections",
                columns: new[] { "PageName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PageConnections_LastCheckedAt_Id",
                table: "PageConnections");

            migrationBuilder.DropIndex(
                name: "IX_PageConnections_List",
                table: "PageConnections");

            migrationBuilder.DropIndex(
                name: "IX_PageConnections_PageName_Id",
                table: "PageConnections");
        }
    }
}
