namespace SdnDashboard.Core.Sflow;

/// <summary>Host parent (the container of a virtual host), format 0:2002.</summary>
public sealed record SflowHostParent : SflowCounterRecord
{
    public uint ContainerType { get; init; }

    public uint ContainerIndex { get; init; }

    protected override string RecordName => "hostParent";

    protected override SflowDataFormat DataFormat => SflowDataFormat.HostParent;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(ContainerType);
        writer.WriteUInt32(ContainerIndex);
    }

    internal static SflowHostParent ReadBody(ref SflowReader r) => new()
    {
        ContainerType = r.ReadUInt32(),
        ContainerIndex = r.ReadUInt32(),
    };
}
