using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Sflow;

/// <summary>One record of a flow sample (sampled header, decoded addresses, switch/router data...).</summary>
public abstract record SflowFlowRecord
{
    /// <summary>A short camelCase name used in JSON output, e.g. <c>rawHeader</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string Record => RecordName;

    /// <summary>The record's <c>data_format</c>.</summary>
    [JsonIgnore]
    public SflowDataFormat Format => DataFormat;

    /// <summary>The value of <see cref="Record"/>.</summary>
    protected abstract string RecordName { get; }

    /// <summary>The value of <see cref="Format"/>.</summary>
    protected abstract SflowDataFormat DataFormat { get; }

    /// <summary>Writes the record body (without the format and length words).</summary>
    public abstract void WriteBody(SflowWriter writer);

    /// <summary>
    /// Decodes a record body of the given format; formats this decoder does not know become
    /// <see cref="SflowUnknownFlowRecord"/>. Bytes after the known fields are ignored.
    /// </summary>
    public static SflowFlowRecord Read(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
    {
        var r = new SflowReader(body, bodyOffset);
        return format.Value switch
        {
            1 => SflowRawPacketHeader.ReadBody(ref r),
            2 => SflowEthernetFrameData.ReadBody(ref r),
            3 => SflowIpv4Data.ReadBody(ref r),
            4 => SflowIpv6Data.ReadBody(ref r),
            1001 => SflowExtendedSwitch.ReadBody(ref r),
            1002 => SflowExtendedRouter.ReadBody(ref r),
            _ => new SflowUnknownFlowRecord(format, body.ToArray()),
        };
    }
}
