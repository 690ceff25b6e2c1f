namespace SdnDashboard.Core.Sflow;

/// <summary>Hypervisor node counters, format 0:2100.</summary>
public sealed record SflowVirtNode : SflowCounterRecord
{
    public uint Mhz { get; init; }

    public uint Cpus { get; init; }

    public ulong Memory { get; init; }

    public ulong MemoryFree { get; init; }

    public uint NumDomains { get; init; }

    protected override string RecordName => "virtNode";

    protected override SflowDataFormat DataFormat => SflowDataFormat.VirtNode;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(Mhz);
        writer.WriteUInt32(Cpus);
        writer.WriteUInt64(Memory);
        writer.WriteUInt64(MemoryFree);
        writer.WriteUInt32(NumDomains);
    }

    internal static SflowVirtNode ReadBody(ref SflowReader r) => new()
    {
        Mhz = r.ReadUInt32(),
        Cpus = r.ReadUInt32(),
        Memory = r.ReadUInt64(),
        MemoryFree = r.ReadUInt64(),
        NumDomains = r.ReadUInt32(),
    };
}
