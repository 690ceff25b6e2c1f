using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Sflow;

/// <summary>One record of a counter sample (interface, host, virtual machine, Open vSwitch port...).</summary>
public abstract record SflowCounterRecord
{
    /// <summary>A short camelCase name used in JSON output, e.g. <c>generic</c>, <c>virtCpu</c>.</summary>
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
    /// <see cref="SflowUnknownCounterRecord"/>. Bytes after the known fields are ignored.
    /// </summary>
    public static SflowCounterRecord Read(SflowDataFormat format, ReadOnlySpan<byte> body, int bodyOffset)
    {
        var r = new SflowReader(body, bodyOffset);
        return format.Value switch
        {
            1 => SflowGenericInterfaceCounters.ReadBody(ref r),
            2 => SflowEthernetCounters.ReadBody(ref r),
            5 => SflowVlanCounters.ReadBody(ref r),
            1001 => SflowProcessorCounters.ReadBody(ref r),
            1004 => SflowOpenFlowPortCounters.ReadBody(ref r),
            1005 => SflowPortNameCounters.ReadBody(ref r),
            2000 => SflowHostDescription.ReadBody(ref r),
            2001 => SflowHostAdapters.ReadBody(ref r),
            2002 => SflowHostParent.ReadBody(ref r),
            2003 => SflowHostCpu.ReadBody(ref r),
            2004 => SflowHostMemory.ReadBody(ref r),
            2005 => SflowHostDiskIo.ReadBody(ref r),
            2006 => SflowHostNetIo.ReadBody(ref r),
            2100 => SflowVirtNode.ReadBody(ref r),
            2101 => SflowVirtCpu.ReadBody(ref r),
            2102 => SflowVirtMemory.ReadBody(ref r),
            2103 => SflowVirtDiskIo.ReadBody(ref r),
            2104 => SflowVirtNetIo.ReadBody(ref r),
            _ => new SflowUnknownCounterRecord(format, body.ToArray()),
        };
    }
}
