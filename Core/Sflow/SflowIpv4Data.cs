using SdnDashboard.Core.Packets;

namespace SdnDashboard.Core.Sflow;

/// <summary>Decoded IPv4 data, format 0:3.</summary>
public sealed record SflowIpv4Data : SflowFlowRecord
{
    public uint Length { get; init; }

    public uint Protocol { get; init; }

    public IpAddressValue SourceIp { get; init; }

    public IpAddressValue DestinationIp { get; init; }

    public uint SourcePort { get; init; }

    public uint DestinationPort { get; init; }

    public uint TcpFlags { get; init; }

    public uint Tos { get; init; }

    protected override string RecordName => "ipv4";

    protected override SflowDataFormat DataFormat => SflowDataFormat.Ipv4Data;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> address = stackalloc byte[IpAddressValue.IPv4Size];
        writer.WriteUInt32(Length);
        writer.WriteUInt32(Protocol);
        IpAddressValue.FromIPv4((uint)SourceIp.Value).Write(address);
        writer.WriteFixedOpaque(address);
        IpAddressValue.FromIPv4((uint)DestinationIp.Value).Write(address);
        writer.WriteFixedOpaque(address);
        writer.WriteUInt32(SourcePort);
        writer.WriteUInt32(DestinationPort);
        writer.WriteUInt32(TcpFlags);
        writer.WriteUInt32(Tos);
    }

    internal static SflowIpv4Data ReadBody(ref SflowReader r) => new()
    {
        Length = r.ReadUInt32(),
        Protocol = r.ReadUInt32(),
        SourceIp = IpAddressValue.ReadIPv4(r.ReadFixedOpaque(IpAddressValue.IPv4Size)),
        DestinationIp = IpAddressValue.ReadIPv4(r.ReadFixedOpaque(IpAddressValue.IPv4Size)),
        SourcePort = r.ReadUInt32(),
        DestinationPort = r.ReadUInt32(),
        TcpFlags = r.ReadUInt32(),
        Tos = r.ReadUInt32(),
    };
}
