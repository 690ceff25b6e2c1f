using System.Text.Json.Serialization;
using SdnDashboard.Core.Packets;

namespace SdnDashboard.Core.Sflow;

/// <summary>The first bytes of a sampled packet, format 0:1 (the record Open vSwitch sends).</summary>
public sealed record SflowRawPacketHeader : SflowFlowRecord
{
    /// <summary><c>header_protocol</c> for an Ethernet frame.</summary>
    public const uint ProtocolEthernet = 1;

    /// <summary><c>header_protocol</c> for a bare IPv4 packet.</summary>
    public const uint ProtocolIPv4 = 11;

    /// <summary><c>header_protocol</c> for a bare IPv6 packet.</summary>
    public const uint ProtocolIPv6 = 12;

    public uint HeaderProtocol { get; init; } = ProtocolEthernet;

    /// <summary>Length of the original frame, including what was cut off (and the FCS when counted).</summary>
    public uint FrameLength { get; init; }

    /// <summary>Bytes removed before the header was taken (e.g. the FCS).</summary>
    public uint Stripped { get; init; }

    /// <summary>The sampled bytes.</summary>
    [JsonIgnore]
    public byte[] Header { get; init; } = [];

    public int HeaderLength => Header.Length;

    protected override string RecordName => "rawHeader";

    protected override SflowDataFormat DataFormat => SflowDataFormat.RawPacketHeader;

    /// <summary>Parses the sampled bytes according to <see cref="HeaderProtocol"/>.</summary>
    public PacketHeader Parse() => ParseHeader(HeaderProtocol, Header);

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(HeaderProtocol);
        writer.WriteUInt32(FrameLength);
        writer.WriteUInt32(Stripped);
        writer.WriteVariableOpaque(Header);
    }

    /// <summary>
    /// The allocation-free view of a raw header record body for hot paths: reads the three words and
    /// returns the sampled bytes as a slice of <paramref name="body"/>.
    /// </summary>
    public static ReadOnlySpan<byte> ReadView(
        ReadOnlySpan<byte> body, int bodyOffset, out uint headerProtocol, out uint frameLength, out uint stripped)
    {
        var r = new SflowReader(body, bodyOffset);
        headerProtocol = r.ReadUInt32();
        frameLength = r.ReadUInt32();
        stripped = r.ReadUInt32();
        return r.ReadVariableOpaque();
    }

    /// <summary>Parses sampled bytes of the given <c>header_protocol</c>; other protocols yield an empty header.</summary>
    public static PacketHeader ParseHeader(uint headerProtocol, ReadOnlySpan<byte> header) => headerProtocol switch
    {
        ProtocolEthernet => PacketHeaderParser.ParseEthernet(header),
        ProtocolIPv4 or ProtocolIPv6 => PacketHeaderParser.ParseIp(header),
        _ => new PacketHeader { NetworkOffset = -1, TransportOffset = -1, PayloadOffset = -1 },
    };

    internal static SflowRawPacketHeader ReadBody(ref SflowReader r) => new()
    {
        HeaderProtocol = r.ReadUInt32(),
        FrameLength = r.ReadUInt32(),
        Stripped = r.ReadUInt32(),
        Header = r.ReadVariableOpaque().ToArray(),
    };
}
