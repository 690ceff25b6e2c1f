namespace SdnDashboard.Core.Sflow;

/// <summary>Generic interface counters (RFC 2233 ifTable), format 0:1.</summary>
public sealed record SflowGenericInterfaceCounters : SflowCounterRecord
{
    public uint IfIndex { get; init; }

    public uint IfType { get; init; }

    public ulong IfSpeed { get; init; }

    public uint IfDirection { get; init; }

    public uint IfStatus { get; init; }

    public ulong IfInOctets { get; init; }

    public uint IfInUcastPkts { get; init; }

    public uint IfInMulticastPkts { get; init; }

    public uint IfInBroadcastPkts { get; init; }

    public uint IfInDiscards { get; init; }

    public uint IfInErrors { get; init; }

    public uint IfInUnknownProtos { get; init; }

    public ulong IfOutOctets { get; init; }

    public uint IfOutUcastPkts { get; init; }

    public uint IfOutMulticastPkts { get; init; }

    public uint IfOutBroadcastPkts { get; init; }

    public uint IfOutDiscards { get; init; }

    public uint IfOutErrors { get; init; }

    public uint IfPromiscuousMode { get; init; }

    protected override string RecordName => "generic";

    protected override SflowDataFormat DataFormat => SflowDataFormat.GenericInterfaceCounters;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(IfIndex);
        writer.WriteUInt32(IfType);
        writer.WriteUInt64(IfSpeed);
        writer.WriteUInt32(IfDirection);
        writer.WriteUInt32(IfStatus);
        writer.WriteUInt64(IfInOctets);
        writer.WriteUInt32(IfInUcastPkts);
        writer.WriteUInt32(IfInMulticastPkts);
        writer.WriteUInt32(IfInBroadcastPkts);
        writer.WriteUInt32(IfInDiscards);
        writer.WriteUInt32(IfInErrors);
        writer.WriteUInt32(IfInUnknownProtos);
        writer.WriteUInt64(IfOutOctets);
        writer.WriteUInt32(IfOutUcastPkts);
        writer.WriteUInt32(IfOutMulticastPkts);
        writer.WriteUInt32(IfOutBroadcastPkts);
        writer.WriteUInt32(IfOutDiscards);
        writer.WriteUInt32(IfOutErrors);
        writer.WriteUInt32(IfPromiscuousMode);
    }

    internal static SflowGenericInterfaceCounters ReadBody(ref SflowReader r) => new()
    {
        IfIndex = r.ReadUInt32(),
        IfType = r.ReadUInt32(),
        IfSpeed = r.ReadUInt64(),
        IfDirection = r.ReadUInt32(),
        IfStatus = r.ReadUInt32(),
        IfInOctets = r.ReadUInt64(),
        IfInUcastPkts = r.ReadUInt32(),
        IfInMulticastPkts = r.ReadUInt32(),
        IfInBroadcastPkts = r.ReadUInt32(),
        IfInDiscards = r.ReadUInt32(),
        IfInErrors = r.ReadUInt32(),
        IfInUnknownProtos = r.ReadUInt32(),
        IfOutOctets = r.ReadUInt64(),
        IfOutUcastPkts = r.ReadUInt32(),
        IfOutMulticastPkts = r.ReadUInt32(),
        IfOutBroadcastPkts = r.ReadUInt32(),
        IfOutDiscards = r.ReadUInt32(),
        IfOutErrors = r.ReadUInt32(),
        IfPromiscuousMode = r.ReadUInt32(),
    };
}
