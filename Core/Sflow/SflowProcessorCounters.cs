namespace SdnDashboard.Core.Sflow;

/// <summary>Processor counters, format 0:1001; CPU loads are percent x 100.</summary>
public sealed record SflowProcessorCounters : SflowCounterRecord
{
    public int Cpu5s { get; init; }

    public int Cpu1m { get; init; }

    public int Cpu5m { get; init; }

    public ulong TotalMemory { get; init; }

    public ulong FreeMemory { get; init; }

    protected override string RecordName => "processor";

    protected override SflowDataFormat DataFormat => SflowDataFormat.ProcessorCounters;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInt32(Cpu5s);
        writer.WriteInt32(Cpu1m);
        writer.WriteInt32(Cpu5m);
        writer.WriteUInt64(TotalMemory);
        writer.WriteUInt64(FreeMemory);
    }

    internal static SflowProcessorCounters ReadBody(ref SflowReader r) => new()
    {
        Cpu5s = r.ReadInt32(),
        Cpu1m = r.ReadInt32(),
        Cpu5m = r.ReadInt32(),
        TotalMemory = r.ReadUInt64(),
        FreeMemory = r.ReadUInt64(),
    };
}
