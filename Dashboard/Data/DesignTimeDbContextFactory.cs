using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SdnDashboard.Dashboard.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SdnDbContext>
{
    public SdnDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SdnDbContext>().UseSqlite("Data Source=design.db").Options);
}
