namespace SdnDashboard.Dashboard.Data;

/// <summary>Bytes one VM moved in one hour, by one source: a cell of the paper's Table 2.</summary>
public sealed class TrafficHourRecord
{
    /// <summary>Start of the hour, UTC.</summary>
    public DateTimeOffset HourStart { get; set; }

    /// <summary>VM name (libvirt domain name; for sFlow, the name the MAC maps to, else the MAC).</summary>
    public required string Vm { get; set; }

    /// <summary><c>libvirt</c> (interface counters) or <c>sflow</c> (sampled estimate).</summary>
    public required string Source { get; set; }

    /// <summary>The compute node, when known.</summary>
    public string? Host { get; set; }

    public long RxBytes { get; set; }

    public long TxBytes { get; set; }
}
