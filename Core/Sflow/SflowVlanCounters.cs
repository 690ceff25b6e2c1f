namespace SdnDashboard.Core.Sflow;

/// <summary>VLAN counters, format 0:5.</summary>
public sealed record SflowVlanCounters : SflowCounterRecord
{
    public uint VlanId { get; init; }

    public ulong Octets { get; init; }

    public uint UcastPkts { get; init; }

    public uint MulticastPkts { get; init; }

    public uint BroadcastPkts { get; init; }

    public uint Discards { get; init; }

    protected override string RecordName => "vlan";

    protected override SflowDataFormat DataFormat => SflowDataFormat.VlanCounters;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(VlanId);
        writer.WriteUInt64(Octets);
        writer.WriteUInt32(UcastPkts);
        writer.WriteUInt32(MulticastPkts);
        writer.WriteUInt32(BroadcastPkts);
        writer.WriteUInt32(Discards);
    }

    internal static SflowVlanCounters ReadBody(ref SflowReader r) => new()
    {
        VlanId = r.ReadUInt32(),
        Octets = r.ReadUInt64(),
        UcastPkts = r.ReadUInt32(),
        MulticastPkts = r.ReadUInt32(),
        BroadcastPkts = r.ReadUInt32(),
        Discards = r.ReadUInt32(),
    };
}
