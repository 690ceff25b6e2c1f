namespace SdnDashboard.Core.Telemetry;

/// <summary>One 5-tuple flow with its estimated rate over an sFlow interval.</summary>
public sealed record FlowRate
{
    public required string SrcIp { get; init; }

    public required string DstIp { get; init; }

    public int Protocol { get; init; }

    public int SrcPort { get; init; }

    public int DstPort { get; init; }

    public string? SrcMac { get; init; }

    public string? DstMac { get; init; }

    public long Bytes { get; init; }

    public long Packets { get; init; }

    public double BytesPerSec { get; init; }
}
