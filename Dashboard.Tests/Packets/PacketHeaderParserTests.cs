using SdnDashboard.Core.Net;
using SdnDashboard.Core.Packets;

namespace SdnDashboard.Tests.Packets;

public sealed class PacketHeaderParserTests
{
    private static readonly MacAddress A = MacAddress.Parse("52:54:00:00:00:0a");
    private static readonly MacAddress B = MacAddress.Parse("52:54:00:00:00:0b");

    [Fact]
    public void ParseEthernet_VlanTaggedIPv4Tcp_ReadsEveryLayer()
    {
        var frame = PacketBuilder.BuildFrame(A, B, IpAddressValue.Parse("10.0.0.1"), IpAddressValue.Parse("10.0.0.2"), IpProtocols.Tcp, 1234, 80, 10, vlanId: 42, tcpFlags: 0x12);

        var h = PacketHeaderParser.ParseEthernet(frame);

        Assert.Equal(PacketLayers.Ethernet | PacketLayers.Vlan | PacketLayers.IPv4 | PacketLayers.Tcp, h.Layers);
        Assert.Equal(A, h.SourceMac);
        Assert.Equal(B, h.DestinationMac);
        Assert.Equal(42, h.VlanId);
        Assert.Equal(EtherTypes.IPv4, h.EtherType);
        Assert.Equal("10.0.0.1", h.SourceIp.ToString());
        Assert.Equal(IpProtocols.Tcp, h.IpProtocol);
        Assert.Equal(1234, h.SourcePort);
        Assert.Equal(80, h.DestinationPort);
        Assert.Equal(0x12, h.TcpFlags);
        Assert.Equal(18, h.NetworkOffset);
        Assert.Equal(38, h.TransportOffset);
        Assert.Equal(58, h.PayloadOffset);
        Assert.Equal(20 + 20 + 10, h.IpTotalLength);
    }

    [Fact]
    public void ParseEthernet_IPv6WithHopByHopThenUdp_SkipsTheExtensionHeader()
    {
        var udp = PacketBuilder.BuildFrame(A, B, IpAddressValue.Parse("fd00::1"), IpAddressValue.Parse("fd00::2"), IpProtocols.Udp, 53, 5353, 4);
        var frame = new byte[udp.Length + 8];
        udp.AsSpan(0, 54).CopyTo(frame);
        frame[20] = IpProtocols.IPv6HopByHop;
        frame[54] = IpProtocols.Udp; // hop-by-hop: next header UDP, length 0 (8 bytes)
        udp.AsSpan(54).CopyTo(frame.AsSpan(62));

        var h = PacketHeaderParser.ParseEthernet(frame);

        Assert.True(h.Has(PacketLayers.IPv6 | PacketLayers.Udp));
        Assert.Equal(IpProtocols.Udp, h.IpProtocol);
        Assert.Equal(53, h.SourcePort);
        Assert.Equal(5353, h.DestinationPort);
        Assert.Equal("fd00::2", h.DestinationIp.ToString());
    }

    [Fact]
    public void ParseEthernet_ArpRequest_ReadsSenderAndTarget()
    {
        var frame = PacketBuilder.BuildArp(1, A, IpAddressValue.Parse("10.0.0.1"), MacAddress.Zero, IpAddressValue.Parse("10.0.0.2"));

        var h = PacketHeaderParser.ParseEthernet(frame);

        Assert.True(h.Has(PacketLayers.Arp));
        Assert.True(h.DestinationMac.IsBroadcast);
        Assert.Equal(1, h.ArpOperation);
        Assert.Equal(A, h.ArpSenderMac);
        Assert.Equal("10.0.0.2", h.DestinationIp.ToString());
        Assert.False(h.HasIp);
    }

    [Theory]
    [InlineData(10, PacketLayers.Truncated)]
    [InlineData(14, PacketLayers.Ethernet | PacketLayers.Truncated)]
    [InlineData(34, PacketLayers.Ethernet | PacketLayers.IPv4 | PacketLayers.Truncated)]
    [InlineData(53, PacketLayers.Ethernet | PacketLayers.IPv4 | PacketLayers.Truncated)]
    [InlineData(54, PacketLayers.Ethernet | PacketLayers.IPv4 | PacketLayers.Tcp)]
    public void ParseEthernet_TruncatedTcp_FillsWhatTheBytesHold(int length, PacketLayers expected)
    {
        var frame = PacketBuilder.BuildFrame(A, B, IpAddressValue.Parse("10.0.0.1"), IpAddressValue.Parse("10.0.0.2"), IpProtocols.Tcp, 1, 2, 100);

        var h = PacketHeaderParser.ParseEthernet(frame.AsSpan(0, length));

        Assert.Equal(expected, h.Layers);
        Assert.Equal(h.Has(PacketLayers.Tcp), h.HasPorts);
    }

    [Fact]
    public void ParseIp_BareIPv4Icmp_ReadsTypeAndCode()
    {
        var frame = PacketBuilder.BuildFrame(A, B, IpAddressValue.Parse("10.0.0.1"), IpAddressValue.Parse("10.0.0.2"), IpProtocols.Icmp, 8, 0, 56);

        var h = PacketHeaderParser.ParseIp(frame.AsSpan(14));

        Assert.True(h.Has(PacketLayers.IPv4 | PacketLayers.Icmp));
        Assert.False(h.Has(PacketLayers.Ethernet));
        Assert.Equal(8, h.IcmpType);
        Assert.Equal(0, h.IcmpCode);
    }

    [Fact]
    public void ParseEthernet_NonFirstFragment_HasNoTransportHeader()
    {
        var frame = PacketBuilder.BuildFrame(A, B, IpAddressValue.Parse("10.0.0.1"), IpAddressValue.Parse("10.0.0.2"), IpProtocols.Udp, 1, 2, 100);
        frame[14 + 6] = 0x00;
        frame[14 + 7] = 0x10; // fragment offset 16 (x8 bytes)

        var h = PacketHeaderParser.ParseEthernet(frame);

        Assert.True(h.IsFragment);
        Assert.False(h.HasPorts);
        Assert.Equal(IpProtocols.Udp, h.IpProtocol);
    }
}
