namespace SdnDashboard.Core.Sflow;

/// <summary>A flow sample (format 0:1, or 0:3 when <see cref="Expanded"/>) with its records.</summary>
public sealed record SflowFlowSample : SflowSample
{
    public bool Expanded { get; init; }

    public uint SequenceNumber { get; init; }

    public uint SourceIdType { get; init; }

    public uint SourceIdIndex { get; init; }

    public uint SamplingRate { get; init; } = 1;

    public uint SamplePool { get; init; }

    public uint Drops { get; init; }

    public uint InputFormat { get; init; }

    public uint Input { get; init; }

    public uint OutputFormat { get; init; }

    public uint Output { get; init; }

    public IReadOnlyList<SflowFlowRecord> Records { get; init; } = [];

    public override SflowDataFormat Format => Expanded ? SflowDataFormat.ExpandedFlowSample : SflowDataFormat.FlowSample;

    internal static SflowFlowSample From(in SflowFlowSampleHeader h, IReadOnlyList<SflowFlowRecord> records) => new()
    {
        Expanded = h.Expanded,
        SequenceNumber = h.SequenceNumber,
        SourceIdType = h.SourceIdType,
        SourceIdIndex = h.SourceIdIndex,
        SamplingRate = h.SamplingRate,
        SamplePool = h.SamplePool,
        Drops = h.Drops,
        InputFormat = h.InputFormat,
        Input = h.Input,
        OutputFormat = h.OutputFormat,
        Output = h.Output,
        Records = records,
    };
}
