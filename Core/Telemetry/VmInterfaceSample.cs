namespace SdnDashboard.Core.Telemetry;

/// <summary>One vNIC of a VM: identity from the domain XML, counters from virDomainInterfaceStats.</summary>
public sealed record VmInterfaceSample
{
    /// <summary>Host-side device name, e.g. <c>tap1a2b3c</c> or <c>vnet0</c>.</summary>
    public required string Target { get; init; }

    /// <summary>MAC address, lower-case colon form.</summary>
    public required string Mac { get; init; }

    public string? Bridge { get; init; }

    public long RxBytes { get; init; }

    public long TxBytes { get; init; }

    public long RxPackets { get; init; }

    public long TxPackets { get; init; }

    public long RxErrors { get; init; }

    public long TxErrors { get; init; }

    public long RxDrops { get; init; }

    public long TxDrops { get; init; }

    public double RxBytesPerSec { get; init; }

    public double TxBytesPerSec { get; init; }
}
