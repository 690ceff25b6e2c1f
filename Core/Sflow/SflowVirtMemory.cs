namespace SdnDashboard.Core.Sflow;

/// <summary>Virtual machine memory in bytes, format 0:2102.</summary>
public sealed record SflowVirtMemory : SflowCounterRecord
{
    public ulong Memory { get; init; }

    public ulong MaxMemory { get; init; }

    protected override string RecordName => "virtMemory";

    protected override SflowDataFormat DataFormat => SflowDataFormat.VirtMemory;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(Memory);
        writer.WriteUInt64(MaxMemory);
    }

    internal static SflowVirtMemory ReadBody(ref SflowReader r) => new()
    {
        Memory = r.ReadUInt64(),
        MaxMemory = r.ReadUInt64(),
    };
}
