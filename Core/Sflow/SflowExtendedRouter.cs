using SdnDashboard.Core.Packets;

namespace SdnDashboard.Core.Sflow;

/// <summary>Extended router data (next hop and prefix lengths), format 0:1002.</summary>
public sealed record SflowExtendedRouter : SflowFlowRecord
{
    public IpAddressValue NextHop { get; init; }

    public uint SourceMaskLength { get; init; }

    public uint DestinationMaskLength { get; init; }

    protected override string RecordName => "extendedRouter";

    protected override SflowDataFormat DataFormat => SflowDataFormat.ExtendedRouter;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteAddress(NextHop);
        writer.WriteUInt32(SourceMaskLength);
        writer.WriteUInt32(DestinationMaskLength);
    }

    internal static SflowExtendedRouter ReadBody(ref SflowReader r) => new()
    {
        NextHop = r.ReadAddress(),
        SourceMaskLength = r.ReadUInt32(),
        DestinationMaskLength = r.ReadUInt32(),
    };
}
