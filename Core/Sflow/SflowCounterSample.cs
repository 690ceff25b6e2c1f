namespace SdnDashboard.Core.Sflow;

/// <summary>A counter sample (format 0:2, or 0:4 when <see cref="Expanded"/>) with its records.</summary>
public sealed record SflowCounterSample : SflowSample
{
    public bool Expanded { get; init; }

    public uint SequenceNumber { get; init; }

    public uint SourceIdType { get; init; }

    public uint SourceIdIndex { get; init; }

    public IReadOnlyList<SflowCounterRecord> Records { get; init; } = [];

    public override SflowDataFormat Format => Expanded ? SflowDataFormat.ExpandedCounterSample : SflowDataFormat.CounterSample;
}
