using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Data;
using SdnDashboard.Dashboard.Traffic;

namespace SdnDashboard.Tests.Traffic;

public sealed class TrafficRollupTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sdn-traffic-{Guid.NewGuid():N}.db");
    private readonly PooledDbContextFactory<SdnDbContext> _factory;
    private readonly TrafficRollup _rollup;

    public TrafficRollupTests()
    {
        _factory = new PooledDbContextFactory<SdnDbContext>(new DbContextOptionsBuilder<SdnDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);
        var bus = new InProcessTelemetryBus(TimeProvider.System, Options.Create(new BusOptions()), NullLogger<InProcessTelemetryBus>.Instance);
        _rollup = new TrafficRollup(bus, _factory, TimeProvider.System, NullLogger<TrafficRollup>.Instance);
    }

    public async Task InitializeAsync()
    {
        await using var db = await _factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        File.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Polls_AddUpPerVmAndHour_AcrossFlushes_AndAFirstSampleAddsNothing()
    {
        _rollup.Add(Poll(Ten.AddMinutes(1), ("web-1", 1_000_000, 500_000, 0)));
        _rollup.Add(Poll(Ten.AddMinutes(2), ("web-1", 1_000_000, 500_000, 2), ("web-2", 250_000, 0, 2)));
        await _rollup.FlushAsync();
        _rollup.Add(Poll(Ten.AddMinutes(59), ("web-1", 1_000_000, 500_000, 2)));
        _rollup.Add(Poll(Ten.AddMinutes(61), ("web-1", 3_000_000, 0, 2)));
        await _rollup.FlushAsync();

        var rows = await new TrafficTable(_factory).RowsAsync(DateOnly.FromDateTime(Ten.UtcDateTime));

        var web1At10 = Assert.Single(rows, r => r.Vm == "web-1" && r.HourStart == Ten);
        Assert.Equal(2_000_000, web1At10.RxBytes);
        Assert.Equal(1_000_000, web1At10.TxBytes);
        Assert.Equal("compute1", web1At10.Host);
        Assert.Equal(250_000, Assert.Single(rows, r => r.Vm == "web-2").RxBytes);
        Assert.Equal(3_000_000, Assert.Single(rows, r => r.HourStart == Ten.AddHours(1)).RxBytes);
    }

    [Fact]
    public async Task SflowEstimates_SitBesideLibvirt_AndTheCsvHasOneLinePerHour()
    {
        _rollup.Add(Poll(Ten.AddMinutes(5), ("web-1", 1_000_000, 1_000_000, 1)));
        _rollup.Add(new TrafficBatch
        {
            Collector = "c", IntervalStart = Ten.AddMinutes(5), IntervalSeconds = 1,
            Vms = [new VmTraffic { Mac = "52:54:00:00:01:01", VmName = "web-1", BytesIn = 900_000, BytesOut = 1_100_000 }],
        });
        await _rollup.FlushAsync();
        var day = DateOnly.FromDateTime(Ten.UtcDateTime);

        var csv = TrafficTable.ToCsv(day, await new TrafficTable(_factory).RowsAsync(day)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("hour_utc,web-1 MB,web-1 MB (sflow)", csv[0]);
        Assert.Equal(25, csv.Length);
        Assert.Equal("2026-11-28T10:00Z,2,2", csv[11]);
        Assert.Equal("2026-11-28T09:00Z,,", csv[10]);
    }

    [Fact]
    public async Task NodeSelection_KeepsOnlyThatNodesVms_WithTheirSflowRows()
    {
        _rollup.Add(Poll(Ten, ("web-1", 1000, 0, 1)));
        _rollup.Add(Poll(Ten, "compute2", ("web-3", 1000, 0, 1)));
        _rollup.Add(new TrafficBatch { Collector = "c", IntervalStart = Ten, Vms = [new VmTraffic { Mac = "m", VmName = "web-1", BytesIn = 5 }] });
        await _rollup.FlushAsync();

        var rows = await new TrafficTable(_factory).RowsAsync(DateOnly.FromDateTime(Ten.UtcDateTime), ["compute1"]);

        Assert.Equal([("web-1", "libvirt"), ("web-1", "sflow")], rows.Select(r => (r.Vm, r.Source)).ToArray());
    }

    private static HostPoll Poll(DateTimeOffset at, params (string Name, double Rx, double Tx, double Seconds)[] vms) => Poll(at, "compute1", vms);

    private static HostPoll Poll(DateTimeOffset at, string host, params (string Name, double Rx, double Tx, double Seconds)[] vms) => new()
    {
        Host = new HostSample { Host = host, Uri = "test:///x", At = at },
        Vms = vms.Select(v => new VmSample
        {
            Host = host, Uuid = v.Name, Name = v.Name, State = "running", At = at,
            NetRxBytesPerSec = v.Rx / Math.Max(v.Seconds, 1), NetTxBytesPerSec = v.Tx / Math.Max(v.Seconds, 1), RateSeconds = v.Seconds,
        }).ToList(),
        At = at,
    };
}
