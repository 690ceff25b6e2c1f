namespace SdnDashboard.Core.Sflow;

/// <summary>The fixed part of a flow sample (compact or expanded form alike).</summary>
/// <param name="Expanded">True for the expanded form (format 0:3).</param>
/// <param name="SequenceNumber">Incremented per sample by its data source.</param>
/// <param name="SourceIdType">0 ifIndex, 1 smonVlanDataSource, 2 entPhysicalEntry.</param>
/// <param name="SourceIdIndex">The data source index (e.g. the ifIndex).</param>
/// <param name="SamplingRate">One packet in this many was sampled.</param>
/// <param name="SamplePool">Packets that could have been sampled.</param>
/// <param name="Drops">Samples lost for lack of resources.</param>
/// <param name="InputFormat">0 ifIndex, 1 discarded, 2 multiple interfaces.</param>
/// <param name="Input">The input interface value.</param>
/// <param name="OutputFormat">0 ifIndex, 1 discarded, 2 multiple interfaces.</param>
/// <param name="Output">The output interface value.</param>
/// <param name="RecordCount">How many flow records follow.</param>
public readonly record struct SflowFlowSampleHeader(
    bool Expanded, uint SequenceNumber, uint SourceIdType, uint SourceIdIndex, uint SamplingRate, uint SamplePool,
    uint Drops, uint InputFormat, uint Input, uint OutputFormat, uint Output, uint RecordCount);
