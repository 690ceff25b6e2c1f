namespace SdnDashboard.Core.Sflow;

/// <summary>Host memory counters in bytes, format 0:2004.</summary>
public sealed record SflowHostMemory : SflowCounterRecord
{
    public ulong MemTotal { get; init; }

    public ulong MemFree { get; init; }

    public ulong MemShared { get; init; }

    public ulong MemBuffers { get; init; }

    public ulong MemCached { get; init; }

    public ulong SwapTotal { get; init; }

    public ulong SwapFree { get; init; }

    public uint PageIn { get; init; }

    public uint PageOut { get; init; }

    public uint SwapIn { get; init; }

    public uint SwapOut { get; init; }

    protected override string RecordName => "hostMemory";

    protected override SflowDataFormat DataFormat => SflowDataFormat.HostMemory;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(MemTotal);
        writer.WriteUInt64(MemFree);
        writer.WriteUInt64(MemShared);
        writer.WriteUInt64(MemBuffers);
        writer.WriteUInt64(MemCached);
        writer.WriteUInt64(SwapTotal);
        writer.WriteUInt64(SwapFree);
        writer.WriteUInt32(PageIn);
        writer.WriteUInt32(PageOut);
        writer.WriteUInt32(SwapIn);
        writer.WriteUInt32(SwapOut);
    }

    internal static SflowHostMemory ReadBody(ref SflowReader r) => new()
    {
        MemTotal = r.ReadUInt64(),
        MemFree = r.ReadUInt64(),
        MemShared = r.ReadUInt64(),
        MemBuffers = r.ReadUInt64(),
        MemCached = r.ReadUInt64(),
        SwapTotal = r.ReadUInt64(),
        SwapFree = r.ReadUInt64(),
        PageIn = r.ReadUInt32(),
        PageOut = r.ReadUInt32(),
        SwapIn = r.ReadUInt32(),
        SwapOut = r.ReadUInt32(),
    };
}
