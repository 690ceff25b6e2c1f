using SdnDashboard.Core.Rates;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Tests.Libvirt;

public class VmRateTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_FirstSample_HasNoRateRatherThanASpike()
    {
        var tracker = new VmRateTracker(TimeSpan.FromSeconds(6));

        var vm = Assert.Single(tracker.Apply([Sample("a", T0, cpuNs: 9_000_000_000_000, rx: 1_000_000_000)], T0));

        Assert.Equal(0, vm.RateSeconds);
        Assert.Equal(0, vm.CpuPercent);
        Assert.Equal(0, vm.NetRxBytesPerSec);
    }

    [Fact]
    public void Apply_SecondSample_GivesRatesPerDeviceAndTotals()
    {
        var tracker = new VmRateTracker(TimeSpan.FromSeconds(6));
        tracker.Apply([Sample("a", T0, cpuNs: 0, rx: 0, tx: 0, readBytes: 0, reads: 0, writes: 0)], T0);

        var vm = tracker.Apply(
            [Sample("a", T0.AddSeconds(2), cpuNs: 1_000_000_000, rx: 4_000, tx: 2_000, readBytes: 8_192, reads: 10, writes: 30)],
            T0.AddSeconds(2))[0];

        Assert.Equal(2, vm.RateSeconds);
        Assert.Equal(50, vm.CpuPercent, 6);
        Assert.Equal(2_000, vm.Interfaces[0].RxBytesPerSec);
        Assert.Equal(1_000, vm.Interfaces[0].TxBytesPerSec);
        Assert.Equal(2_000, vm.NetRxBytesPerSec);
        Assert.Equal(1_000, vm.NetTxBytesPerSec);
        Assert.Equal(4_096, vm.DiskReadBytesPerSec);
        Assert.Equal(20, vm.DiskIops);
    }

    [Fact]
    public void Apply_VmRestarted_CountersResetGiveSmallRateNotNegative()
    {
        var tracker = new VmRateTracker(TimeSpan.FromSeconds(6));
        tracker.Apply([Sample("a", T0, cpuNs: 50_000_000_000, rx: 9_000_000)], T0);

        var vm = tracker.Apply([Sample("a", T0.AddSeconds(2), cpuNs: 200_000_000, rx: 600)], T0.AddSeconds(2))[0];

        Assert.Equal(10, vm.CpuPercent, 6);
        Assert.Equal(300, vm.NetRxBytesPerSec);
    }

    [Fact]
    public void Apply_VmMissingOnePoll_RateSpansTheGapWithoutSpike()
    {
        var tracker = new VmRateTracker(TimeSpan.FromSeconds(6));
        tracker.Apply([Sample("a", T0, rx: 0), Sample("b", T0, rx: 0)], T0);
        tracker.Apply([Sample("b", T0.AddSeconds(2), rx: 10)], T0.AddSeconds(2));

        var back = tracker.Apply([Sample("a", T0.AddSeconds(4), rx: 4_000), Sample("b", T0.AddSeconds(4), rx: 20)], T0.AddSeconds(4));

        Assert.Equal(4, back[0].RateSeconds);
        Assert.Equal(1_000, back[0].NetRxBytesPerSec);
        Assert.Equal(5, back[1].NetRxBytesPerSec);
    }

    [Fact]
    public void Apply_VmGoneLongerThanRetention_IsForgottenAndStartsOverWithoutRate()
    {
        var tracker = new VmRateTracker(TimeSpan.FromSeconds(6));
        tracker.Apply([Sample("a", T0, rx: 0)], T0);
        tracker.Apply([], T0.AddSeconds(8));

        Assert.Equal(0, tracker.Tracked);
        var vm = tracker.Apply([Sample("a", T0.AddSeconds(10), rx: 1_000_000)], T0.AddSeconds(10))[0];
        Assert.Equal(0, vm.RateSeconds);
        Assert.Equal(0, vm.NetRxBytesPerSec);
    }

    [Fact]
    public void Apply_InterfaceHotPlugged_NewDeviceHasNoRateOthersDo()
    {
        var tracker = new VmRateTracker(TimeSpan.FromSeconds(6));
        tracker.Apply([Sample("a", T0, rx: 0)], T0);
        var current = Sample("a", T0.AddSeconds(1), rx: 100);
        current = current with
        {
            Interfaces = [.. current.Interfaces, new VmInterfaceSample { Target = "tap2", Mac = "52:54:00:00:00:02", RxBytes = 5_000_000 }],
        };

        var vm = tracker.Apply([current], T0.AddSeconds(1))[0];

        Assert.Equal(100, vm.Interfaces[0].RxBytesPerSec);
        Assert.Equal(0, vm.Interfaces[1].RxBytesPerSec);
        Assert.Equal(100, vm.NetRxBytesPerSec);
    }

    private static VmSample Sample(
        string uuid, DateTimeOffset at, long cpuNs = 0, long rx = 0, long tx = 0, long readBytes = 0, long reads = 0, long writes = 0) => new()
    {
        Host = "h",
        Uuid = uuid,
        Name = uuid,
        State = "running",
        Vcpus = 1,
        CpuTimeNs = cpuNs,
        Interfaces = [new VmInterfaceSample { Target = "tap1", Mac = "52:54:00:00:00:01", RxBytes = rx, TxBytes = tx }],
        Disks = [new VmDiskSample { Target = "vda", ReadBytes = readBytes, ReadRequests = reads, WriteRequests = writes }],
        At = at,
    };
}
