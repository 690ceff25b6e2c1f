using System.Buffers.Binary;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Frames;
using SdnDashboard.Core.Net;

namespace SdnDashboard.Tests.Balancing;

public class FrameTests
{
    private static readonly MacAddress A = MacAddress.Parse("52:54:00:00:00:01");
    private static readonly MacAddress B = MacAddress.Parse("52:54:00:00:00:02");

    [Fact]
    public void ArpRequest_ReadsBackAsBroadcastWhoHas()
    {
        var frame = FrameBuilder.BuildArpRequest(A, 0x0A000001, 0x0A000064);
        var headers = FrameReader.Read(frame);
        Assert.Equal(42, frame.Length);
        Assert.True(headers.EthDst.IsBroadcast);
        Assert.Equal(A, headers.EthSrc);
        Assert.True(headers.IsArp);
        Assert.Equal(FrameBuilder.ArpRequest, headers.ArpOperation);
        Assert.Equal(A, headers.ArpSenderMac);
        Assert.Equal(0x0A000001U, headers.ArpSenderIp);
        Assert.Equal(MacAddress.Zero, headers.ArpTargetMac);
        Assert.Equal(0x0A000064U, headers.ArpTargetIp);
    }

    [Fact]
    public void ArpReply_IsUnicastToTheAsker()
    {
        var headers = FrameReader.Read(FrameBuilder.BuildArpReply(B, 0x0A000064, A, 0x0A000001));
        Assert.Equal(A, headers.EthDst);
        Assert.Equal(FrameBuilder.ArpReply, headers.ArpOperation);
        Assert.Equal(B, headers.ArpSenderMac);
        Assert.Equal(0x0A000064U, headers.ArpSenderIp);
        Assert.Equal(A, headers.ArpTargetMac);
    }

    [Fact]
    public void Tcp_ReadsPortsAndHasValidChecksums()
    {
        var frame = FrameBuilder.BuildTcp(A, B, 0x0A000001, 0x0A000002, 40000, 80, payload: [1, 2, 3]);
        var headers = FrameReader.Read(frame);
        Assert.True(headers.IsIpv4);
        Assert.Equal(EtherTypes.TcpProtocol, headers.IpProto);
        Assert.True(headers.HasPorts);
        Assert.Equal((ushort)40000, headers.TpSrc);
        Assert.Equal((ushort)80, headers.TpDst);
        Assert.Equal(34, headers.TransportOffset);
        AssertChecksumsValid(frame);
    }

    [Fact]
    public void Rewrite_OfAddresses_KeepsChecksumsValid()
    {
        var frame = FrameBuilder.BuildUdp(A, B, 0x0A000001, 0x0A000064, 5000, 53, [9, 9]);
        var rewritten = FrameRewriter.Apply(frame, [new SetEthDstAction(A), new SetIpv4DstAction(Ipv4.ToAddress(0x0A00000B))]);
        var headers = FrameReader.Read(rewritten);
        Assert.Equal(A, headers.EthDst);
        Assert.Equal(0x0A00000BU, headers.Ipv4Dst);
        Assert.Equal(0x0A000064U, FrameReader.Read(frame).Ipv4Dst);
        AssertChecksumsValid(rewritten);
    }

    [Fact]
    public void VlanTag_IsSkippedAndItsIdKept()
    {
        var plain = FrameBuilder.BuildArpRequest(A, 1, 2);
        var tagged = new byte[plain.Length + 4];
        plain.AsSpan(0, 12).CopyTo(tagged);
        BinaryPrimitives.WriteUInt16BigEndian(tagged.AsSpan(12), EtherTypes.Vlan);
        BinaryPrimitives.WriteUInt16BigEndian(tagged.AsSpan(14), 0x2064);
        plain.AsSpan(12).CopyTo(tagged.AsSpan(16));
        var headers = FrameReader.Read(tagged);
        Assert.Equal((ushort)0x064, headers.VlanId);
        Assert.Equal(18, headers.NetworkOffset);
        Assert.Equal(2U, headers.ArpTargetIp);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(30, 30)]
    public void Truncated_ThrowsWithOffset(int length, int offset)
    {
        var frame = FrameBuilder.BuildArpRequest(A, 1, 2)[..length];
        var ex = Assert.Throws<FrameFormatException>(() => FrameReader.Read(frame));
        Assert.Equal(offset, ex.Offset);
        Assert.False(FrameReader.TryRead(frame, out _));
    }

    [Fact]
    public void Ipv4_WithBadHeaderLength_ThrowsAtTheIpHeader()
    {
        var frame = FrameBuilder.BuildTcp(A, B, 1, 2, 3, 4);
        frame[14] = 0x4F;
        Assert.Equal(14, Assert.Throws<FrameFormatException>(() => FrameReader.Read(frame)).Offset);
    }

    [Fact]
    public void Ipv4_CutBeforeThePorts_IsReadWithoutPorts()
    {
        var frame = FrameBuilder.BuildTcp(A, B, 1, 2, 3, 4)[..36];
        var headers = FrameReader.Read(frame);
        Assert.True(headers.IsIpv4);
        Assert.False(headers.HasPorts);
    }

    private static void AssertChecksumsValid(byte[] frame)
    {
        var ip = frame.AsSpan(14);
        Assert.Equal(0, InternetChecksum.Compute(ip[..20]));
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        var segment = ip[20..totalLength];
        Span<byte> pseudo = stackalloc byte[12];
        ip[12..20].CopyTo(pseudo);
        pseudo[9] = ip[9];
        BinaryPrimitives.WriteUInt16BigEndian(pseudo[10..], (ushort)segment.Length);
        Assert.Equal(0, InternetChecksum.Finish(InternetChecksum.Add(InternetChecksum.Add(0, pseudo), segment)));
    }
}
