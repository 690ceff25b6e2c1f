using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SdnDashboard.Dashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrafficHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrafficHours",
                columns: table => new
                {
                    HourStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Vm = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RxBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    TxBytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrafficHours", x => new { x.HourStart, x.Vm, x.Source });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TrafficHours");
        }
    }
}
