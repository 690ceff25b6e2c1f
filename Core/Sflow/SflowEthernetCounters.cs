namespace SdnDashboard.Core.Sflow;

/// <summary>Ethernet interface counters (RFC 2358 dot3Stats), format 0:2.</summary>
public sealed record SflowEthernetCounters : SflowCounterRecord
{
    public uint Dot3StatsAlignmentErrors { get; init; }

    public uint Dot3StatsFcsErrors { get; init; }

    public uint Dot3StatsSingleCollisionFrames { get; init; }

    public uint Dot3StatsMultipleCollisionFrames { get; init; }

    public uint Dot3StatsSqeTestErrors { get; init; }

    public uint Dot3StatsDeferredTransmissions { get; init; }

    public uint Dot3StatsLateCollisions { get; init; }

    public uint Dot3StatsExcessiveCollisions { get; init; }

    public uint Dot3StatsInternalMacTransmitErrors { get; init; }

    public uint Dot3StatsCarrierSenseErrors { get; init; }

    public uint Dot3StatsFrameTooLongs { get; init; }

    public uint Dot3StatsInternalMacReceiveErrors { get; init; }

    public uint Dot3StatsSymbolErrors { get; init; }

    protected override string RecordName => "ethernet";

    protected override SflowDataFormat DataFormat => SflowDataFormat.EthernetCounters;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(Dot3StatsAlignmentErrors);
        writer.WriteUInt32(Dot3StatsFcsErrors);
        writer.WriteUInt32(Dot3StatsSingleCollisionFrames);
        writer.WriteUInt32(Dot3StatsMultipleCollisionFrames);
        writer.WriteUInt32(Dot3StatsSqeTestErrors);
        writer.WriteUInt32(Dot3StatsDeferredTransmissions);
        writer.WriteUInt32(Dot3StatsLateCollisions);
        writer.WriteUInt32(Dot3StatsExcessiveCollisions);
        writer.WriteUInt32(Dot3StatsInternalMacTransmitErrors);
        writer.WriteUInt32(Dot3StatsCarrierSenseErrors);
        writer.WriteUInt32(Dot3StatsFrameTooLongs);
        writer.WriteUInt32(Dot3StatsInternalMacReceiveErrors);
        writer.WriteUInt32(Dot3StatsSymbolErrors);
    }

    internal static SflowEthernetCounters ReadBody(ref SflowReader r) => new()
    {
        Dot3StatsAlignmentErrors = r.ReadUInt32(),
        Dot3StatsFcsErrors = r.ReadUInt32(),
        Dot3StatsSingleCollisionFrames = r.ReadUInt32(),
        Dot3StatsMultipleCollisionFrames = r.ReadUInt32(),
        Dot3StatsSqeTestErrors = r.ReadUInt32(),
        Dot3StatsDeferredTransmissions = r.ReadUInt32(),
        Dot3StatsLateCollisions = r.ReadUInt32(),
        Dot3StatsExcessiveCollisions = r.ReadUInt32(),
        Dot3StatsInternalMacTransmitErrors = r.ReadUInt32(),
        Dot3StatsCarrierSenseErrors = r.ReadUInt32(),
        Dot3StatsFrameTooLongs = r.ReadUInt32(),
        Dot3StatsInternalMacReceiveErrors = r.ReadUInt32(),
        Dot3StatsSymbolErrors = r.ReadUInt32(),
    };
}
