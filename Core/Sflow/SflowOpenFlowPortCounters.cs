namespace SdnDashboard.Core.Sflow;

/// <summary>Open vSwitch's OpenFlow port record, format 0:1004: which datapath and port the counters belong to.</summary>
public sealed record SflowOpenFlowPortCounters : SflowCounterRecord
{
    public ulong DatapathId { get; init; }

    public uint PortNumber { get; init; }

    protected override string RecordName => "openflowPort";

    protected override SflowDataFormat DataFormat => SflowDataFormat.OpenFlowPort;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(DatapathId);
        writer.WriteUInt32(PortNumber);
    }

    internal static SflowOpenFlowPortCounters ReadBody(ref SflowReader r) => new()
    {
        DatapathId = r.ReadUInt64(),
        PortNumber = r.ReadUInt32(),
    };
}
