using SdnDashboard.Core.Packets;

namespace SdnDashboard.Core.Sflow;

/// <summary>Decoded IPv6 data, format 0:4.</summary>
public sealed record SflowIpv6Data : SflowFlowRecord
{
    public uint Length { get; init; }

    public uint Protocol { get; init; }

    public IpAddressValue SourceIp { get; init; }

    public IpAddressValue DestinationIp { get; init; }

    public uint SourcePort { get; init; }

    public uint DestinationPort { get; init; }

    public uint TcpFlags { get; init; }

    public uint Priority { get; init; }

    protected override string RecordName => "ipv6";

    protected override SflowDataFormat DataFormat => SflowDataFormat.Ipv6Data;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> address = stackalloc byte[IpAddressValue.IPv6Size];
        writer.WriteUInt32(Length);
        writer.WriteUInt32(Protocol);
        new IpAddressValue(SourceIp.Value, IpAddressFamily.IPv6).Write(address);
        writer.WriteFixedOpaque(address);
        new IpAddressValue(DestinationIp.Value, IpAddressFamily.IPv6).Write(address);
        writer.WriteFixedOpaque(address);
        writer.WriteUInt32(SourcePort);
        writer.WriteUInt32(DestinationPort);
        writer.WriteUInt32(TcpFlags);
        writer.WriteUInt32(Priority);
    }

    internal static SflowIpv6Data ReadBody(ref SflowReader r) => new()
    {
        Length = r.ReadUInt32(),
        Protocol = r.ReadUInt32(),
        SourceIp = IpAddressValue.ReadIPv6(r.ReadFixedOpaque(IpAddressValue.IPv6Size)),
        DestinationIp = IpAddressValue.ReadIPv6(r.ReadFixedOpaque(IpAddressValue.IPv6Size)),
        SourcePort = r.ReadUInt32(),
        DestinationPort = r.ReadUInt32(),
        TcpFlags = r.ReadUInt32(),
        Priority = r.ReadUInt32(),
    };
}
