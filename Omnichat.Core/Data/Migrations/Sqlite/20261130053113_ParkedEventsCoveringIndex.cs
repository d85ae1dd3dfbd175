using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omnichat.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParkedEventsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ParkedEvents_PageId_EventAt",
                table: "ParkedEvents");

            migrationBuilder.CreateIndex(
                name: "IX_ParkedEvents_PageId_EventAt_Field_Reason",
                table: "ParkedEvents",
                columns: new[] { "PageId", "EventAt", "Field", "Reason" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ParkedEvents_PageId_EventAt_Field_Reason",
                table: "ParkedEvents");

            migrationBuilder.CreateIndex(
                name: "IX_ParkedEvents_PageId_EventAt",
                table: "ParkedEvents",
                columns: new[] { "PageId", "EventAt" });
        }
    }
}
