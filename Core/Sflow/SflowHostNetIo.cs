namespace SdnDashboard.Core.Sflow;

/// <summary>Host network I/O counters, format 0:2006.</summary>
public sealed record SflowHostNetIo : SflowCounterRecord
{
    public ulong BytesIn { get; init; }

    public uint PktsIn { get; init; }

    public uint ErrsIn { get; init; }

    public uint DropsIn { get; init; }

    public ulong BytesOut { get; init; }

    public uint PktsOut { get; init; }

    public uint ErrsOut { get; init; }

    public uint DropsOut { get; init; }

    protected override string RecordName => "hostNetIo";

    protected override SflowDataFormat DataFormat => SflowDataFormat.HostNetIo;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt64(BytesIn);
        writer.WriteUInt32(PktsIn);
        writer.WriteUInt32(ErrsIn);
        writer.WriteUInt32(DropsIn);
        writer.WriteUInt64(BytesOut);
        writer.WriteUInt32(PktsOut);
        writer.WriteUInt32(ErrsOut);
        writer.WriteUInt32(DropsOut);
    }

    internal static SflowHostNetIo ReadBody(ref SflowReader r) => new()
    {
        BytesIn = r.ReadUInt64(),
        PktsIn = r.ReadUInt32(),
        ErrsIn = r.ReadUInt32(),
        DropsIn = r.ReadUInt32(),
        BytesOut = r.ReadUInt64(),
        PktsOut = r.ReadUInt32(),
        ErrsOut = r.ReadUInt32(),
        DropsOut = r.ReadUInt32(),
    };
}
