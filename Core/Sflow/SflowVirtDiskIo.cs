namespace SdnDashboard.Core.Sflow;

/// <summary>Virtual machine disk I/O counters, format 0:2103.</summary>
public sealed record SflowVirtDiskIo : SflowCounterRecord
{
    public ulong Capacity { get; init; }

    public ulong Allocation { get; init; }

    public ulong Available { get; init; }

    public uint RdReq { get; init; }

    public ulong RdBytes { get; init; }

    public uint WrReq { get; init; }

    public ulong WrBytes { get; init; }

    public uint Errs { get; init; }

    protected override string RecordName => "virtDiskIo";

    protected override SflowDataFormat DataFormat => SflowDataFormat.VirtDiskIo;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(Capacity);
        writer.WriteUInt64(Allocation);
        writer.WriteUInt64(Available);
        writer.WriteUInt32(RdReq);
        writer.WriteUInt64(RdBytes);
        writer.WriteUInt32(WrReq);
        writer.WriteUInt64(WrBytes);
        writer.WriteUInt32(Errs);
    }

    internal static SflowVirtDiskIo ReadBody(ref SflowReader r) => new()
    {
        Capacity = r.ReadUInt64(),
        Allocation = r.ReadUInt64(),
        Available = r.ReadUInt64(),
        RdReq = r.ReadUInt32(),
        RdBytes = r.ReadUInt64(),
        WrReq = r.ReadUInt32(),
        WrBytes = r.ReadUInt64(),
        Errs = r.ReadUInt32(),
    };
}
