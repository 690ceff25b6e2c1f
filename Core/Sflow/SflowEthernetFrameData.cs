using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Sflow;

/// <summary>Decoded Ethernet frame data, format 0:2.</summary>
public sealed record SflowEthernetFrameData : SflowFlowRecord
{
    /// <summary>The frame length as the agent measured it.</summary>
    public uint Length { get; init; }

    public MacAddress SourceMac { get; init; }

    public MacAddress DestinationMac { get; init; }

    public uint EtherType { get; init; }

    protected override string RecordName => "ethernet";

    protected override SflowDataFormat DataFormat => SflowDataFormat.EthernetFrameData;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> mac = stackalloc byte[MacAddress.Size];
        writer.WriteUInt32(Length);
        SourceMac.Write(mac);
        writer.WriteFixedOpaque(mac);
        DestinationMac.Write(mac);
        writer.WriteFixedOpaque(mac);
        writer.WriteUInt32(EtherType);
    }

    internal static SflowEthernetFrameData ReadBody(ref SflowReader r) => new()
    {
        Length = r.ReadUInt32(),
        SourceMac = MacAddress.Read(r.ReadFixedOpaque(MacAddress.Size)),
        DestinationMac = MacAddress.Read(r.ReadFixedOpaque(MacAddress.Size)),
        EtherType = r.ReadUInt32(),
    };
}
