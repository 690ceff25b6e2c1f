namespace SdnDashboard.Core.Sflow;

/// <summary>Host disk I/O counters, format 0:2005; times in ms, PartMaxUsed percent x 100.</summary>
public sealed record SflowHostDiskIo : SflowCounterRecord
{
    public ulong DiskTotal { get; init; }

    public ulong DiskFree { get; init; }

    public int PartMaxUsed { get; init; }

    public uint Reads { get; init; }

    public ulong BytesRead { get; init; }

    public uint ReadTime { get; init; }

    public uint Writes { get; init; }

    public ulong BytesWritten { get; init; }

    public uint WriteTime { get; init; }

    protected override string RecordName => "hostDiskIo";

    protected override SflowDataFormat DataFormat => SflowDataFormat.HostDiskIo;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(DiskTotal);
        writer.WriteUInt64(DiskFree);
        writer.WriteInt32(PartMaxUsed);
        writer.WriteUInt32(Reads);
        writer.WriteUInt64(BytesRead);
        writer.WriteUInt32(ReadTime);
        writer.WriteUInt32(Writes);
        writer.WriteUInt64(BytesWritten);
        writer.WriteUInt32(WriteTime);
    }

    internal static SflowHostDiskIo ReadBody(ref SflowReader r) => new()
    {
        DiskTotal = r.ReadUInt64(),
        DiskFree = r.ReadUInt64(),
        PartMaxUsed = r.ReadInt32(),
        Reads = r.ReadUInt32(),
        BytesRead = r.ReadUInt64(),
        ReadTime = r.ReadUInt32(),
        Writes = r.ReadUInt32(),
        BytesWritten = r.ReadUInt64(),
        WriteTime = r.ReadUInt32(),
    };
}
