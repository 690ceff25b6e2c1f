using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Apps;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Tests.Balancing;

public class LearningSwitchAppTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
    private static readonly MacAddress H1 = MacAddress.Parse("52:54:00:00:00:01");
    private static readonly MacAddress H2 = MacAddress.Parse("52:54:00:00:00:02");

    [Fact]
    public void Connect_InstallsTableMissFlowToController()
    {
        var commands = new LearningSwitchApp().Handle(new SwitchConnected(7, 4, []), Now);
        var flow = Assert.IsType<FlowModCommandMessage>(Assert.Single(commands));
        Assert.Equal(7UL, flow.DatapathId);
        Assert.Equal(0, flow.Priority);
        Assert.Equal(PacketMatch.Any, flow.Match);
        Assert.Equal(new OutputAction(OfPorts.Controller, 0xFFFF), Assert.Single(flow.Actions));
    }

    [Fact]
    public void UnknownDestination_IsFloodedWithThePacketAndNoFlow()
    {
        var app = new LearningSwitchApp();
        var frame = FrameBuilder.BuildIcmpEcho(H1, H2, 1, 2, reply: false, 1, 1);
        var commands = app.Handle(PacketIn(3, frame), Now);
        var packetOut = Assert.IsType<PacketOutCommand>(Assert.Single(commands));
        Assert.Equal(new OutputAction(OfPorts.Flood), Assert.Single(packetOut.Actions));
        Assert.Equal(3U, packetOut.InPort);
        Assert.Equal(frame, packetOut.Data.ToArray());
        Assert.Equal(3U, app.Locate(1, H1));
    }

    [Fact]
    public void KnownDestination_InstallsFlowOnInPortAndAddressesThenSendsThePacket()
    {
        var app = new LearningSwitchApp(idleTimeoutSeconds: 45);
        app.Handle(PacketIn(2, FrameBuilder.BuildArpRequest(H2, 2, 1)), Now);
        var commands = app.Handle(PacketIn(1, FrameBuilder.BuildArpReply(H1, 1, H2, 2)), Now);
        Assert.Equal(2, commands.Count);
        var flow = Assert.IsType<FlowModCommandMessage>(commands[0]);
        Assert.Equal(new PacketMatch { InPort = 1, EthSrc = H1, EthDst = H2 }, flow.Match);
        Assert.Equal(new OutputAction(2), Assert.Single(flow.Actions));
        Assert.Equal(LearningSwitchApp.FlowPriority, flow.Priority);
        Assert.Equal(45, flow.IdleTimeoutSeconds);
        Assert.Equal(LearningSwitchApp.Cookie, flow.Cookie);
        var packetOut = Assert.IsType<PacketOutCommand>(commands[1]);
        Assert.Equal(new OutputAction(2), Assert.Single(packetOut.Actions));
    }

    [Fact]
    public void BufferedPacket_IsReleasedByTheFlowModAlone()
    {
        var app = new LearningSwitchApp();
        app.Handle(PacketIn(2, FrameBuilder.BuildArpRequest(H2, 2, 1)), Now);
        var commands = app.Handle(PacketIn(1, FrameBuilder.BuildArpReply(H1, 1, H2, 2)) with { BufferId = 99 }, Now);
        Assert.Equal(99U, Assert.IsType<FlowModCommandMessage>(Assert.Single(commands)).BufferId);
    }

    [Fact]
    public void MalformedFrame_IsCountedAndDropped()
    {
        var app = new LearningSwitchApp();
        Assert.Empty(app.Handle(PacketIn(1, new byte[9]), Now));
        Assert.Equal(1, app.MalformedFrames);
    }

    [Fact]
    public void PortDown_ForgetsItsHostsAndDeletesFlowsThroughIt()
    {
        var app = new LearningSwitchApp();
        app.Handle(PacketIn(2, FrameBuilder.BuildArpRequest(H2, 2, 1)), Now);
        var commands = app.Handle(new PortStatusChanged(1, PortChange.Modified, new SwitchPort(2, H2, "p2", IsUp: false)), Now);
        Assert.Null(app.Locate(1, H2));
        Assert.Contains(commands, c => c is FlowModCommandMessage { Command: FlowModCommand.Delete, OutPort: 2 });
        Assert.Contains(commands, c => c is FlowModCommandMessage { Command: FlowModCommand.Delete, Match.InPort: 2 });
    }

    [Fact]
    public void Ping_BetweenTwoHostsOnTheFakeNetwork_IsAnsweredAndThenSwitchedWithoutTheController()
    {
        var network = new FakeNetwork([new LearningSwitchApp()]);
        var h1 = network.Attach("h1", H1, 0x0A000001, 1);
        var h2 = network.Attach("h2", H2, 0x0A000002, 2);
        network.Attach("h3", MacAddress.Parse("52:54:00:00:00:03"), 0x0A000003, 3);
        network.Connect();

        network.Send(h1, h1.Ping(h2.Ip));

        var reply = Assert.Single(h1.ReceivedIp);
        Assert.Equal(h2.Ip, reply.Ipv4Src);
        Assert.Equal(H2, reply.EthSrc);
        Assert.Single(h2.ReceivedIp);
        var packetIns = network.PacketIns.Count;
        Assert.Contains(network.Table.Flows, f => f.Match == new PacketMatch { InPort = 1, EthSrc = H1, EthDst = H2 });
        Assert.Contains(network.Table.Flows, f => f.Match == new PacketMatch { InPort = 2, EthSrc = H2, EthDst = H1 });

        network.Send(h1, h1.Ping(h2.Ip, sequence: 2));

        Assert.Equal(2, h1.ReceivedIp.Count);
        Assert.Equal(packetIns, network.PacketIns.Count);
        Assert.Equal(2U, network.Trace(1, FrameBuilder.BuildIcmpEcho(H1, H2, 1, 2, false, 1, 3)).Single().Port);
    }

    [Fact]
    public void LearnedFlows_IdleOut()
    {
        var network = new FakeNetwork([new LearningSwitchApp(idleTimeoutSeconds: 10)]);
        var h1 = network.Attach("h1", H1, 0x0A000001, 1);
        var h2 = network.Attach("h2", H2, 0x0A000002, 2);
        network.Connect();
        network.Send(h1, h1.Ping(h2.Ip));
        Assert.Equal(3, network.Table.Flows.Count);
        network.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(network.Table.Flows);
    }

    private static PacketIn PacketIn(uint port, byte[] frame) =>
        new(1) { InPort = port, Data = frame, TotalLength = frame.Length };
}
