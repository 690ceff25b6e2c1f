namespace SdnDashboard.Core.Sflow;

/// <summary>A sample of a format sFlow v5 does not define, kept whole.</summary>
/// <param name="UnknownFormat">Its enterprise and format.</param>
/// <param name="Data">Its body bytes.</param>
public sealed record SflowUnknownSample(SflowDataFormat UnknownFormat, byte[] Data) : SflowSample
{
    public override SflowDataFormat Format => UnknownFormat;
}
