using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control;
using SdnDashboard.Dashboard.Auth;
using SdnDashboard.Dashboard.Balancer;
using SdnDashboard.Dashboard.Components.Pages;
using SdnDashboard.Dashboard.Data;
using SdnDashboard.Dashboard.Events;
using SdnDashboard.Tests.Balancing;

namespace SdnDashboard.Tests.Components;

/// <summary>The Load balancer page over a real balancer state, SQLite audit log and an operator's sign-in.</summary>
public sealed class BalancerPageTests : BunitContext, IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sdn-balancer-page-{Guid.NewGuid():N}.db");
    private readonly BalancerTestbed _bed = new(withVmNames: true);
    private readonly ShiftedClock _clock = new();
    private readonly EventLog _events;

    public BalancerPageTests()
    {
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        var factory = new PooledDbContextFactory<SdnDbContext>(new DbContextOptionsBuilder<SdnDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);
        using (var db = factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        _events = new EventLog(factory, _clock, NullLogger<EventLog>.Instance);
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_bed.State);
        Services.AddSingleton(new BalancerAdmin(_bed.State, new UnconnectedSwitchCommandSink(NullLogger<UnconnectedSwitchCommandSink>.Instance), factory, _events, _clock));
        var auth = AddAuthorization();
        auth.SetAuthorized("op1");
        auth.SetRoles(Roles.Operator);
        auth.SetPolicies(Roles.CanOperate);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [Fact]
    public async Task Operator_DrainsAMember_ItIsAuditedWithWho_AndAMemberWhoseLoadStopsComingShowsStale()
    {
        _bed.ReportLoads();
        _bed.RequestAll();
        _clock.Offset = _bed.Network.Now - DateTimeOffset.UtcNow;

        var cut = Render<BalancerPage>();

        cut.WaitForAssertion(() => Assert.Equal(["serving", "serving", "serving"], States(cut)));
        Assert.Empty(cut.FindAll("[data-testid=member-remove]"));
        Assert.Equal(6, cut.FindAll("[data-testid=affinity-client]").Count);

        // The page refreshes every second: find and click inside one dispatch, so no refresh can land between the two
        // and leave the click on a handler that render replaced (as a browser's click always targets the current DOM).
        await cut.InvokeAsync(() => cut.FindAll("[data-testid=member-drain]")[0].Click());

        cut.WaitForAssertion(() => Assert.Equal("drained", States(cut)[0]));
        var audit = Assert.Single(await _events.QueryAsync(new EventQuery(EventLog.Audit)));
        Assert.Equal(("balancer.drain", "op1", "drained member m1"), (audit.Kind, audit.User, audit.Message));

        _clock.Offset += _bed.State.Settings.LoadStaleAfter + TimeSpan.FromSeconds(1);

        cut.WaitForAssertion(() => Assert.Equal(["drained", "monitoring stale", "monitoring stale"], States(cut)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_path);
    }

    private static string[] States(IRenderedComponent<BalancerPage> cut) =>
        [.. cut.FindAll("[data-testid=member-state]").Select(e => e.TextContent.Trim())];
}
