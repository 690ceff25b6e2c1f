using System.Buffers;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of10;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Tests.OpenFlow;

public class OpenFlowMalformedInputTests
{
    [Fact]
    public void TryReadFrame_SplitAcrossSegments_WaitsThenCutsWholeMessages()
    {
        var bytes = WireAssert.Hex("04 02 00 0b 00 00 00 07 aa bb cc 04 03 00 08 00 00 00 07");
        var partial = new ReadOnlySequence<byte>(bytes.AsMemory(0, 10));
        Assert.False(OpenFlowFraming.TryReadFrame(partial, OfVersion.V13, out _));

        var sequence = Segments.Of(bytes[..5], bytes[5..12], bytes[12..]);
        Assert.True(OpenFlowFraming.TryReadFrame(sequence, OfVersion.V13, out var first));
        Assert.Equal(11, first.Length);
        var rest = sequence.Slice(first.End);
        Assert.True(OpenFlowFraming.TryReadFrame(rest, OfVersion.V13, out var second));
        Assert.Equal(8, second.Length);
        Assert.IsType<EchoReplyMessage>(Of13Codec.Read(second.ToArray()));
    }

    [Theory]
    [InlineData("47 45 54 20 2f 20 48 54", 0)]
    [InlineData("04 00 00 04 00 00 00 01", 2)]
    [InlineData("01 00 00 08 00 00 00 01", 0)]
    public void TryReadFrame_Garbage_ThrowsWithOffset(string hex, int offset)
    {
        var ex = Assert.Throws<OpenFlowException>(() =>
            OpenFlowFraming.TryReadFrame(new ReadOnlySequence<byte>(WireAssert.Hex(hex)), OfVersion.V13, out _));
        Assert.Equal(offset, ex.Offset);
    }

    [Fact]
    public void TryReadFrame_BeforeNegotiation_AcceptsAnyKnownVersion()
    {
        Assert.True(OpenFlowFraming.TryReadFrame(new ReadOnlySequence<byte>(WireAssert.Hex("01 00 00 08 00 00 00 01")), 0, out _));
        Assert.Throws<OpenFlowException>(() =>
            OpenFlowFraming.TryReadFrame(new ReadOnlySequence<byte>(WireAssert.Hex("16 03 01 00 08 00 00 01")), 0, out _));
    }

    public static TheoryData<string, string, int> Truncated() => new()
    {
        // flow-mod whose length says 56 but the body is cut at 40
        { "13", "04 0e 00 28 00 00 00 01" + new string('0', 64), 0 },
        // packet-in whose match length (0x40) runs past the message
        { "13", "04 0a 00 22 00 00 00 01 ff ff ff ff 00 00 00 00 00 00 00 00 00 00 00 00 00 01 00 40 00 00 00 00 00 00", 26 },
        // OXM TLV claiming 8 bytes of value with only 4 left in the match
        { "13", "04 0e 00 40 00 00 00 01" + new string('0', 80) + "00 01 00 0c 80 00 00 08 00 00 00 01 00 00 00 00", 52 },
        // 1.0 flow-mod whose action says 16 bytes with 8 left
        { "10", "01 0e 00 50 00 00 00 01" + new string('0', 128) + "00 00 00 10 00 01 00 00", 74 },
        // 1.3 multipart flow reply with an entry length below the struct size
        { "13", "04 13 00 48 00 00 00 01 00 01 00 00 00 00 00 00 00 20" + new string('0', 108), 16 },
        // 1.3 flow-removed cut at 48 bytes (ofp_flow_removed is 56)
        { "13", "04 0b 00 30 00 00 00 01" + new string('0', 80), 0 },
        // 1.0 flow-removed cut at 80 bytes (ofp_flow_removed is 88)
        { "10", "01 0b 00 50 00 00 00 01" + new string('0', 144), 0 },
        // 1.3 desc reply with 100 of the 1056 body bytes
        { "13", "04 13 00 74 00 00 00 01 00 00 00 00 00 00 00 00" + new string('0', 200), 16 },
        // 1.0 aggregate reply with 8 of its 24 body bytes
        { "10", "01 11 00 14 00 00 00 01 00 02 00 00" + new string('0', 16), 12 },
        // 1.3 port-stats request with 4 of its 8 body bytes
        { "13", "04 12 00 14 00 00 00 01 00 04 00 00 00 00 00 00 00 00 00 01", 16 },
        // 1.3 table-stats reply: one 24-byte entry and 10 bytes of a second
        { "13", "04 13 00 32 00 00 00 01 00 03 00 00 00 00 00 00" + new string('0', 68), 40 },
        // 1.0 port-stats reply: 50 bytes of a 104-byte entry
        { "10", "01 11 00 3e 00 00 00 01 00 04 00 00" + new string('0', 100), 12 },
        // 1.3 port-desc reply: one 64-byte port and 8 bytes of a second
        { "13", "04 13 00 58 00 00 00 01 00 0d 00 00 00 00 00 00" + new string('0', 144), 80 },
    };

    [Theory]
    [MemberData(nameof(Truncated))]
    public void Read_LengthsThatDoNotFit_ThrowOpenFlowExceptionAtOffset(string version, string hex, int offset)
    {
        var bytes = WireAssert.Hex(hex);
        var ex = Assert.Throws<OpenFlowException>(() => version == "13" ? Of13Codec.Read(bytes) : Of10Codec.Read(bytes));
        Assert.Equal(offset, ex.Offset);
    }

    [Fact]
    public void Read_UnknownTypesAndFields_BecomeUnknownValuesWithRawBytes()
    {
        var unknown = Assert.IsType<UnknownMessage>(Of13Codec.Read(WireAssert.Hex("04 1d 00 0c 00 00 00 05 01 02 03 04")));
        Assert.Equal((byte)29, unknown.Type);
        Assert.Equal(WireAssert.Hex("01020304"), unknown.Body.ToArray());

        // An experimenter OXM (class 0xffff) in a flow-mod match survives decoding and re-encoding.
        var oxm = WireAssert.Hex("ff ff 00 08 00 00 23 20 00 00 00 00");
        var flowMod = new FlowModMessage { Match = new OxmMatch(oxm) };
        var buffer = new byte[256];
        var length = Of13Writer.Write(flowMod, buffer);
        var decoded = Assert.IsType<FlowModMessage>(Of13Codec.Read(buffer.AsMemory(0, length)));
        Assert.Equal(oxm, ((OxmMatch)decoded.Match).Fields.ToArray());
        Assert.Equal(SdnDashboard.Core.Control.PacketMatch.Any, Of13Translator.ToPacketMatch((OxmMatch)decoded.Match));
    }
}
