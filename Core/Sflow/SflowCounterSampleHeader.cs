namespace SdnDashboard.Core.Sflow;

/// <summary>The fixed part of a counter sample (compact or expanded form alike).</summary>
/// <param name="Expanded">True for the expanded form (format 0:4).</param>
/// <param name="SequenceNumber">Incremented per sample by its data source.</param>
/// <param name="SourceIdType">0 ifIndex, 1 smonVlanDataSource, 2 entPhysicalEntry.</param>
/// <param name="SourceIdIndex">The data source index (e.g. the ifIndex).</param>
/// <param name="RecordCount">How many counter records follow.</param>
public readonly record struct SflowCounterSampleHeader(
    bool Expanded, uint SequenceNumber, uint SourceIdType, uint SourceIdIndex, uint RecordCount);
