namespace SdnDashboard.Core.Sflow;

/// <summary>Virtual machine CPU counters, format 0:2101; CpuTime in ms.</summary>
public sealed record SflowVirtCpu : SflowCounterRecord
{
    public uint State { get; init; }

    public uint CpuTime { get; init; }

    public uint NrVirtCpu { get; init; }

    protected override string RecordName => "virtCpu";

    protected override SflowDataFormat DataFormat => SflowDataFormat.VirtCpu;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(State);
        writer.WriteUInt32(CpuTime);
        writer.WriteUInt32(NrVirtCpu);
    }

    internal static SflowVirtCpu ReadBody(ref SflowReader r) => new()
    {
        State = r.ReadUInt32(),
        CpuTime = r.ReadUInt32(),
        NrVirtCpu = r.ReadUInt32(),
    };
}
