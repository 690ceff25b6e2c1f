using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Sflow;

/// <summary>A flow record of a format this decoder does not know, kept whole and skipped by length.</summary>
/// <param name="UnknownFormat">Its enterprise and format.</param>
/// <param name="Data">Its body bytes.</param>
public sealed record SflowUnknownFlowRecord(
    [property: JsonIgnore] SflowDataFormat UnknownFormat, [property: JsonIgnore] byte[] Data) : SflowFlowRecord
{
    protected override string RecordName => "unknown";

    protected override SflowDataFormat DataFormat => UnknownFormat;

    public uint Enterprise => UnknownFormat.Enterprise;

    [JsonPropertyName("format")]
    public uint FormatNumber => UnknownFormat.Format;

    public int Length => Data.Length;

    public override void WriteBody(SflowWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteFixedOpaque(Data);
    }
}
