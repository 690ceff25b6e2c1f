namespace SdnDashboard.Core.Sflow;

/// <summary>Virtual machine network I/O counters, format 0:2104.</summary>
public sealed record SflowVirtNetIo : SflowCounterRecord
{
    public ulong RxBytes { get; init; }

    public uint RxPackets { get; init; }

    public uint RxErrs { get; init; }

    public uint RxDrop { get; init; }

    public ulong TxBytes { get; init; }

    public uint TxPackets { get; init; }

    public uint TxErrs { get; init; }

    public uint TxDrop { get; init; }

    protected override string RecordName => "virtNetIo";

    protected override SflowDataFormat DataFormat => SflowDataFormat.VirtNetIo;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(RxBytes);
        writer.WriteUInt32(RxPackets);
        writer.WriteUInt32(RxErrs);
        writer.WriteUInt32(RxDrop);
        writer.WriteUInt64(TxBytes);
        writer.WriteUInt32(TxPackets);
        writer.WriteUInt32(TxErrs);
        writer.WriteUInt32(TxDrop);
    }

    internal static SflowVirtNetIo ReadBody(ref SflowReader r) => new()
    {
        RxBytes = r.ReadUInt64(),
        RxPackets = r.ReadUInt32(),
        RxErrs = r.ReadUInt32(),
        RxDrop = r.ReadUInt32(),
        TxBytes = r.ReadUInt64(),
        TxPackets = r.ReadUInt32(),
        TxErrs = r.ReadUInt32(),
        TxDrop = r.ReadUInt32(),
    };
}
