using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Dashboard.Auth;
using SdnDashboard.Dashboard.Balancer;
using SdnDashboard.Dashboard.Data;
using SdnDashboard.Dashboard.Events;

namespace SdnDashboard.Tests.Balancing;

/// <summary>Run-time edits to the balancing policy are kept in a real SQLite file and laid over the configuration at the next start.</summary>
public sealed class BalancerStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ofg-store-").FullName;

    [Fact]
    public async Task EditsAtRunTime_SurviveARestart_OverTheConfiguredPolicy()
    {
        var factory = await DatabaseAsync();
        var configured = BalancerTestbed.MakeDefinition(3);
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ofg"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));

        var before = new BalancerState(new BalancerSettings(), [configured], new Random(1));
        var edits = Admin(before, factory);
        Assert.True((await edits.ReplaceServiceAsync(admin, configured with { Algorithm = "LeastLoad" })).Succeeded);
        Assert.True((await edits.SetDrainedAsync(admin, configured.Name, "m2", drained: true)).Succeeded);
        Assert.True((await edits.RemoveMemberAsync(admin, configured.Name, "m3")).Succeeded);

        // A new process: the same configuration, the same database.
        var after = new BalancerState(new BalancerSettings(), [configured], new Random(1));
        await Admin(after, factory).LoadStoredAsync();

        var service = Assert.Single(after.Snapshot(DateTimeOffset.UnixEpoch));
        Assert.Equal("LeastLoad", service.Definition.Algorithm);
        Assert.Equal(["m1", "m2"], service.Members.Select(m => m.Definition.Name));
        Assert.Equal([false, true], service.Members.Select(m => m.Drained));
    }

    [Fact]
    public async Task NothingStored_LeavesTheConfiguredPolicy()
    {
        var factory = await DatabaseAsync();
        var configured = BalancerTestbed.MakeDefinition(3);
        var state = new BalancerState(new BalancerSettings(), [configured], new Random(1));
        await Admin(state, factory).LoadStoredAsync();
        Assert.Equal(configured, Assert.Single(state.Services));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static BalancerAdmin Admin(BalancerState state, IDbContextFactory<SdnDbContext> factory) => new(
        state, new UnconnectedSwitchCommandSink(NullLogger<UnconnectedSwitchCommandSink>.Instance), factory,
        new EventLog(factory, TimeProvider.System, NullLogger<EventLog>.Instance), TimeProvider.System);

    private async Task<IDbContextFactory<SdnDbContext>> DatabaseAsync()
    {
        var options = new DbContextOptionsBuilder<SdnDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "store.db")};Pooling=False").Options;
        var factory = new PooledDbContextFactory<SdnDbContext>(options);
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return factory;
    }
}
