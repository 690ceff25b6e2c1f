using SdnDashboard.Collectors.Libvirt;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>
/// The bulk-stats mapping with the field names qemu returns (the test driver returns only <c>state</c>,
/// so this path is checked here on the names libvirt documents for virConnectGetAllDomainStats).
/// </summary>
public class DomainStatsFieldsTests
{
    [Fact]
    public void Apply_QemuStyleRecord_FillsEveryGroup()
    {
        var c = new DomainCounters();
        (string Field, long Value)[] numbers =
        [
            ("state.state", 1), ("state.reason", 1), ("cpu.time", 123_000_000_000), ("cpu.user", 1), ("vcpu.current", 2),
            ("vcpu.maximum", 4), ("vcpu.0.state", 1), ("balloon.current", 2_097_152), ("balloon.maximum", 4_194_304),
            ("balloon.available", 2_000_000), ("balloon.unused", 500_000), ("net.count", 2),
            ("net.0.rx.bytes", 10), ("net.0.rx.pkts", 11), ("net.0.rx.errs", 12), ("net.0.rx.drop", 13),
            ("net.0.tx.bytes", 14), ("net.0.tx.pkts", 15), ("net.0.tx.errs", 16), ("net.0.tx.drop", 17),
            ("net.1.rx.bytes", 20), ("block.count", 1), ("block.0.rd.reqs", 30), ("block.0.rd.bytes", 31),
            ("block.0.wr.reqs", 32), ("block.0.wr.bytes", 33), ("block.0.capacity", 34), ("block.0.allocation", 35),
            ("block.0.rd.times", 99),
        ];
        foreach (var (field, value) in numbers)
        {
            DomainStatsFields.Apply(c, System.Text.Encoding.ASCII.GetBytes(field), value);
        }

        DomainStatsFields.Apply(c, "net.0.name"u8, "tap1");
        DomainStatsFields.Apply(c, "net.1.name"u8, "tap2");
        DomainStatsFields.Apply(c, "block.0.name"u8, "vda");

        Assert.True(c.HasState && c.HasCpu && c.HasVcpu && c.HasBalloon && c.HasInterfaces && c.HasBlocks);
        Assert.Equal((1, 1, 123_000_000_000L, 2), (c.State, c.StateReason, c.CpuTimeNs, c.Vcpus));
        Assert.Equal((2_097_152L, 4_194_304L, 1_500_000L), (c.CurrentMemoryKiB, c.MaxMemoryKiB, c.MemoryUsedKiB));
        Assert.Equal(2, c.Interfaces.Count);
        var n = c.Interfaces[0];
        Assert.Equal(("tap1", 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L),
            (n.Name, n.RxBytes, n.RxPackets, n.RxErrors, n.RxDrops, n.TxBytes, n.TxPackets, n.TxErrors, n.TxDrops));
        Assert.Equal(("tap2", 20L), (c.Interfaces[1].Name, c.Interfaces[1].RxBytes));
        var b = Assert.Single(c.Blocks);
        Assert.Equal(("vda", 30L, 31L, 32L, 33L, 34L, 35L),
            (b.Name, b.ReadRequests, b.ReadBytes, b.WriteRequests, b.WriteBytes, b.CapacityBytes, b.AllocationBytes));
    }

    [Fact]
    public void Apply_StateOnly_LeavesOtherGroupsForTheFallback()
    {
        var c = new DomainCounters();
        DomainStatsFields.Apply(c, "state.state"u8, 5);
        DomainStatsFields.Apply(c, "state.reason"u8, 0);

        Assert.True(c.HasState);
        Assert.False(c.HasCpu || c.HasVcpu || c.HasBalloon || c.HasInterfaces || c.HasBlocks);
    }

    [Theory]
    [InlineData("net.x.rx.bytes")]
    [InlineData("net..rx.bytes")]
    [InlineData("net.99999.rx.bytes")]
    [InlineData("net.-1.rx.bytes")]
    [InlineData("future.group")]
    public void Apply_UnknownOrMalformedName_IsIgnored(string field)
    {
        var c = new DomainCounters();
        DomainStatsFields.Apply(c, System.Text.Encoding.ASCII.GetBytes(field), 7);

        Assert.Empty(c.Interfaces);
        Assert.False(c.HasState || c.HasInterfaces);
    }
}
