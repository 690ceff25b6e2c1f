using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SdnDashboard.Dashboard.Data;

/// <summary>The dashboard's own store: users, events and audit log, hourly traffic roll-ups, balancer policy.</summary>
public class SdnDbContext(DbContextOptions<SdnDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<BalancerServiceRecord> BalancerServices => Set<BalancerServiceRecord>();

    public DbSet<TrafficHourRecord> TrafficHours => Set<TrafficHourRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<EventRecord>(e =>
        {
            e.ToTable("Events");
            e.HasIndex(x => x.At);
            e.Property(x => x.Category).HasMaxLength(16);
            e.Property(x => x.Kind).HasMaxLength(64);
            e.Property(x => x.Source).HasMaxLength(256);
            e.Property(x => x.Message).HasMaxLength(2048);
            e.Property(x => x.User).HasMaxLength(128);
            // SQLite cannot order by DateTimeOffset natively; store UTC ticks so ORDER BY and ranges work.
            e.Property(x => x.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        modelBuilder.Entity<TrafficHourRecord>(e =>
        {
            e.ToTable("TrafficHours");
            e.HasKey(x => new { x.HourStart, x.Vm, x.Source });
            e.Property(x => x.Vm).HasMaxLength(128);
            e.Property(x => x.Source).HasMaxLength(16);
            e.Property(x => x.Host).HasMaxLength(128);
            e.Property(x => x.HourStart).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
        modelBuilder.Entity<BalancerServiceRecord>(e =>
        {
            e.ToTable("BalancerServices");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.UpdatedBy).HasMaxLength(128);
            e.Property(x => x.UpdatedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        });
    }
}
