using System.Net;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;
using SdnDashboard.Dashboard.Demo;

namespace SdnDashboard.Tests.Demo;

public sealed class DemoFlowTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MacAddress A = MacAddress.Parse("02:00:00:00:10:01");
    private static readonly MacAddress B = MacAddress.Parse("52:54:00:00:01:01");

    [Fact]
    public void Lookup_PicksTheHighestPriorityMatch_AndCountsIt()
    {
        var table = new DemoFlowTable(1);
        table.Apply(Add(PacketMatch.Any, 0, OfPorts.Controller), T0);
        table.Apply(Add(new PacketMatch { EthType = EtherTypes.Ipv4, Ipv4Dst = IPAddress.Parse("10.0.0.11"), IpProto = 6, TpDst = 80 }, 100, 3), T0);
        var frame = FrameBuilder.BuildTcp(A, B, 0x0A00_0101, 0x0A00_000B, 40000, 80);

        var hit = table.Lookup(FrameReader.Read(frame), 7, frame.Length, T0);

        Assert.Equal(100, hit!.Priority);
        Assert.Equal(1UL, hit.PacketCount);
        Assert.Equal((ulong)frame.Length, hit.ByteCount);
        var other = FrameBuilder.BuildTcp(A, B, 0x0A00_0101, 0x0A00_000B, 40000, 443);
        Assert.Equal(0, table.Lookup(FrameReader.Read(other), 7, other.Length, T0)!.Priority);
    }

    [Fact]
    public void Delete_ByCookieMask_RemovesOnlyThoseAndReportsTheFlaggedOnes()
    {
        var table = new DemoFlowTable(1);
        table.Apply(Add(new PacketMatch { EthSrc = A }, 10, 1) with { Cookie = 0xAB00_0001, SendFlowRemoved = true }, T0);
        table.Apply(Add(new PacketMatch { EthSrc = B }, 10, 2) with { Cookie = 0xAB00_0002 }, T0);
        table.Apply(Add(new PacketMatch { EthDst = B }, 10, 2) with { Cookie = 0xCD00_0000 }, T0);

        var removed = table.Apply(new FlowModCommandMessage(1) { Command = FlowModCommand.Delete, Cookie = 0xAB00_0000, CookieMask = 0xFF00_0000 }, T0.AddSeconds(3));

        Assert.Equal([0xCD00_0000UL], table.Flows.Select(f => f.Cookie));
        var r = Assert.Single(removed);
        Assert.Equal((0xAB00_0001UL, FlowRemovedReason.Delete, TimeSpan.FromSeconds(3)), (r.Cookie, r.Reason, r.Duration));
    }

    [Fact]
    public void DeleteStrict_NeedsTheSamePriorityAndMatch_NonStrictCoversNarrowerMatches()
    {
        var table = new DemoFlowTable(1);
        var narrow = new PacketMatch { EthSrc = A, EthDst = B };
        table.Apply(Add(narrow, 10, 1), T0);

        table.Apply(new FlowModCommandMessage(1) { Command = FlowModCommand.DeleteStrict, Priority = 10, Match = new PacketMatch { EthSrc = A } }, T0);
        Assert.Single(table.Flows);
        table.Apply(new FlowModCommandMessage(1) { Command = FlowModCommand.DeleteStrict, Priority = 11, Match = narrow }, T0);
        Assert.Single(table.Flows);
        table.Apply(new FlowModCommandMessage(1) { Command = FlowModCommand.Delete, Match = new PacketMatch { EthSrc = A } }, T0);
        Assert.Empty(table.Flows);
    }

    [Fact]
    public void Modify_ChangesActions_AddWithSameMatchAndPriorityReplaces()
    {
        var table = new DemoFlowTable(1);
        var match = new PacketMatch { EthDst = B };
        table.Apply(Add(match, 10, 1), T0);
        table.Apply(new FlowModCommandMessage(1) { Command = FlowModCommand.Modify, Match = match, Actions = [new OutputAction(5)] }, T0);
        Assert.True(table.Flows.Single().OutputsTo(5));

        table.Apply(Add(match, 10, 6), T0);
        Assert.True(Assert.Single(table.Flows).OutputsTo(6));
    }

    [Fact]
    public void Expire_IdleAndHardTimeouts_OnTheCallersClock()
    {
        var table = new DemoFlowTable(1);
        table.Apply(Add(new PacketMatch { EthDst = A }, 10, 1) with { IdleTimeoutSeconds = 5, SendFlowRemoved = true }, T0);
        table.Apply(Add(new PacketMatch { EthDst = B }, 10, 1) with { HardTimeoutSeconds = 8, SendFlowRemoved = true }, T0);
        var toB = FrameBuilder.BuildArpRequest(A, 1, 2).AsSpan().ToArray();
        B.Write(toB);

        table.Lookup(FrameReader.Read(toB), 1, toB.Length, T0.AddSeconds(4));
        Assert.Empty(table.Expire(T0.AddSeconds(4)));
        var idle = Assert.Single(table.Expire(T0.AddSeconds(5)));
        Assert.Equal((FlowRemovedReason.IdleTimeout, (MacAddress?)A), (idle.Reason, idle.Match.EthDst));

        table.Lookup(FrameReader.Read(toB), 1, toB.Length, T0.AddSeconds(7.9));
        var hard = Assert.Single(table.Expire(T0.AddSeconds(8)));
        Assert.Equal((FlowRemovedReason.HardTimeout, 1UL + 1UL), (hard.Reason, hard.PacketCount));
        Assert.Empty(table.Flows);
    }

    [Fact]
    public void Apply_MatchWithoutItsPrerequisite_IsRejectedAsASwitchWould()
    {
        var table = new DemoFlowTable(1);

        var ex = Assert.Throws<InvalidOperationException>(() => table.Apply(Add(new PacketMatch { IpProto = 6, TpDst = 80 }, 10, 1), T0));

        Assert.Contains("BAD_PREREQ", ex.Message, StringComparison.Ordinal);
        Assert.Empty(table.Flows);
    }

    private static FlowModCommandMessage Add(PacketMatch match, ushort priority, uint port) =>
        new(1) { Command = FlowModCommand.Add, Match = match, Priority = priority, Actions = [new OutputAction(port)] };
}
