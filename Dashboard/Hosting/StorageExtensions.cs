using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SdnDashboard.Dashboard.Data;

namespace SdnDashboard.Dashboard.Hosting;

/// <summary>SQLite through EF Core, with migrations applied at start.</summary>
public static class StorageExtensions
{
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) < 0,
                $"{StorageOptions.Section}:DatabasePath contains characters that are not allowed in a path.")
            .ValidateOnStart();
        builder.Services.AddDbContextFactory<SdnDbContext>((sp, options) =>
        {
            var path = sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolvePath(builder.Environment.ContentRootPath);
            options.UseSqlite($"Data Source={path}");
        });
        return builder;
    }

    /// <summary>Creates the database folder and applies pending migrations; logs where the file is.</summary>
    public static async Task MigrateStorageAsync(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ResolvePath(app.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var factory = app.Services.GetRequiredService<IDbContextFactory<SdnDbContext>>();
        await using var db = await factory.CreateDbContextAsync().ConfigureAwait(false);
        await db.Database.MigrateAsync().ConfigureAwait(false);
        app.Logger.LogInformation("SQLite database: {Path}", path);
    }
}
