using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Dashboard.Components.Pages;
using SdnDashboard.Dashboard.Data;
using SdnDashboard.Dashboard.Live;
using SdnDashboard.Dashboard.Traffic;

namespace SdnDashboard.Tests.Components;

/// <summary>Table 2 from the SQLite roll-ups: hours by VMs in MB, and when today's reports stop, a stale banner.</summary>
public sealed class TrafficPageTests : LivePageTestContext
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sdn-traffic-page-{Guid.NewGuid():N}.db");
    private readonly PooledDbContextFactory<SdnDbContext> _factory;
    private readonly TrafficRollup _rollup;
    private readonly ShiftedClock _clock = new();

    public TrafficPageTests()
    {
        _factory = new PooledDbContextFactory<SdnDbContext>(new DbContextOptionsBuilder<SdnDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);
        using (var db = _factory.CreateDbContext())
        {
            db.Database.Migrate();
        }

        var bus = new InProcessTelemetryBus(TimeProvider.System, Options.Create(new BusOptions()), NullLogger<InProcessTelemetryBus>.Instance);
        _rollup = new TrafficRollup(bus, _factory, TimeProvider.System, NullLogger<TrafficRollup>.Instance);
        Services.AddSingleton(new TrafficTable(_factory));
        Services.AddSingleton<TimeProvider>(_clock);
    }

    [Fact]
    public async Task ShowsTodaysHourRow_InMegabytesPerVm_ThenSaysWhenReportsStop()
    {
        var vm = Vm("compute1", "instance-00000001", rx: 1_000_000) with { NetTxBytesPerSec = 1_000_000, RateSeconds = 2 };
        var poll = Poll("compute1", vm);
        Feed.Apply(poll);
        _rollup.Add(poll);
        await _rollup.FlushAsync();

        var cut = Render<TrafficPage>();

        var hour = _clock.GetUtcNow().UtcDateTime.Hour;
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("instance-00000001", cut.Find("[data-testid=traffic-table]").TextContent, StringComparison.Ordinal);
            Assert.Contains("4", cut.Find($"[data-testid=traffic-hour-{hour:00}]").TextContent, StringComparison.Ordinal);
        });
        Assert.Empty(cut.FindAll("[data-testid=traffic-stale]"));

        _clock.Offset = ClusterFeed.StaleAfter + TimeSpan.FromSeconds(10);

        cut.WaitForAssertion(() => Assert.Contains("out of date", cut.Find("[data-testid=traffic-stale]").TextContent, StringComparison.Ordinal));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_path);
    }
}
