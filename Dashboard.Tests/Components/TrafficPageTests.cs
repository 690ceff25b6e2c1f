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

    [Fact]
    public async Task ManyVms_ArePagedByColumns_AndOnlyTheShownColumnsAreRendered()
    {
        var vms = Enumerable.Range(0, 30).Select(i => Vm("compute1", $"instance-{i:D8}", rx: 1_000_000 * (i + 1)) with { RateSeconds = 2 }).ToArray();
        var poll = Poll("compute1", vms);
        Feed.Apply(poll);
        _rollup.Add(poll);
        await _rollup.FlushAsync();

        var cut = Render<TrafficPage>();

        var hour = _clock.GetUtcNow().UtcDateTime.Hour;
        cut.WaitForAssertion(() => Assert.Equal("VMs 1–12 of 30", cut.Find("[data-testid=traffic-vms-range]").TextContent.Trim()));
        var header = cut.Find("[data-testid=traffic-table] thead").TextContent;
        Assert.Contains("instance-00000000", header, StringComparison.Ordinal);
        Assert.Contains("instance-00000011", header, StringComparison.Ordinal);
        Assert.DoesNotContain("instance-00000012", header, StringComparison.Ordinal);
        Assert.Equal(13, cut.FindAll($"[data-testid=traffic-hour-{hour:00}] td").Count);
        Assert.True(cut.Find("[data-testid=traffic-vms-prev]").HasAttribute("disabled"));

        // The page refreshes on a timer: each find and click runs in one dispatch, so a refresh cannot come between them.
        await cut.InvokeAsync(() => cut.Find("[data-testid=traffic-vms-next]").Click());
        await cut.InvokeAsync(() => cut.Find("[data-testid=traffic-vms-next]").Click());

        cut.WaitForAssertion(() => Assert.Equal("VMs 25–30 of 30", cut.Find("[data-testid=traffic-vms-range]").TextContent.Trim()));
        header = cut.Find("[data-testid=traffic-table] thead").TextContent;
        Assert.Contains("instance-00000029", header, StringComparison.Ordinal);
        Assert.DoesNotContain("instance-00000023", header, StringComparison.Ordinal);
        // The last VM moved 30 MB/s in for 2 s: 60 MB in its column, on the last page only.
        Assert.Contains("60.00", cut.Find($"[data-testid=traffic-hour-{hour:00}]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=traffic-vms-next]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task TheDayField_AndTheNodeCheckboxes_ChooseWhatTheTableShows()
    {
        var poll1 = Poll("compute1", Vm("compute1", "instance-00000001", rx: 1_000_000) with { RateSeconds = 2 });
        var poll2 = Poll("compute2", Vm("compute2", "instance-00000002", rx: 1_000_000) with { RateSeconds = 2 });
        foreach (var poll in new[] { poll1, poll2 })
        {
            Feed.Apply(poll);
            _rollup.Add(poll);
        }

        await _rollup.FlushAsync();
        var cut = Render<TrafficPage>();
        cut.WaitForAssertion(() => Assert.Contains("instance-00000002", cut.Find("[data-testid=traffic-table]").TextContent, StringComparison.Ordinal));

        cut.Find("input[data-testid=traffic-node-compute2]").Change(true);
        cut.WaitForAssertion(() => Assert.DoesNotContain("instance-00000001", cut.Find("[data-testid=traffic-table]").TextContent, StringComparison.Ordinal));
        Assert.Contains("instance-00000002", cut.Find("[data-testid=traffic-table]").TextContent, StringComparison.Ordinal);
        Assert.Contains("nodes=compute2", cut.Find("[data-testid=traffic-csv]").GetAttribute("href"), StringComparison.Ordinal);

        cut.Find("input[data-testid=traffic-node-compute2]").Change(false);
        cut.WaitForAssertion(() => Assert.Contains("instance-00000001", cut.Find("[data-testid=traffic-table]").TextContent, StringComparison.Ordinal));

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        cut.Find("input[data-testid=traffic-day]").Change(today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=traffic-empty]")));
        Assert.Contains($"date={today.AddDays(-1):yyyy-MM-dd}", cut.Find("[data-testid=traffic-csv]").GetAttribute("href"), StringComparison.Ordinal);

        // A half-typed date keeps the day shown.
        cut.Find("input[data-testid=traffic-day]").Change("");
        Assert.NotEmpty(cut.FindAll("[data-testid=traffic-empty]"));

        cut.Find("input[data-testid=traffic-day]").Change(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        cut.WaitForAssertion(() => Assert.Contains("instance-00000001", cut.Find("[data-testid=traffic-table]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FewVms_ShowNoPager()
    {
        var poll = Poll("compute1", Vm("compute1", "instance-00000001", rx: 1_000_000) with { RateSeconds = 2 });
        Feed.Apply(poll);
        _rollup.Add(poll);
        await _rollup.FlushAsync();

        var cut = Render<TrafficPage>();

        cut.WaitForAssertion(() => Assert.Contains("instance-00000001", cut.Find("[data-testid=traffic-table]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=traffic-vm-pager]"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_path);
    }
}
