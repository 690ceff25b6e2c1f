namespace SdnDashboard.Core.Sflow;

/// <summary>Extended switch data (VLANs and priorities in and out), format 0:1001.</summary>
public sealed record SflowExtendedSwitch : SflowFlowRecord
{
    public uint SourceVlan { get; init; }

    public uint SourcePriority { get; init; }

    public uint DestinationVlan { get; init; }

    public uint DestinationPriority { get; init; }

    protected override string RecordName => "extendedSwitch";

    protected override SflowDataFormat DataFormat => SflowDataFormat.ExtendedSwitch;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteUInt32(SourceVlan);
        writer.WriteUInt32(SourcePriority);
        writer.WriteUInt32(DestinationVlan);
        writer.WriteUInt32(DestinationPriority);
    }

    internal static SflowExtendedSwitch ReadBody(ref SflowReader r) => new()
    {
        SourceVlan = r.ReadUInt32(),
        SourcePriority = r.ReadUInt32(),
        DestinationVlan = r.ReadUInt32(),
        DestinationPriority = r.ReadUInt32(),
    };
}
