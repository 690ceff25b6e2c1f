namespace SdnDashboard.Core.Telemetry;

/// <summary>One disk of a VM from virDomainBlockStats and virDomainGetBlockInfo.</summary>
public sealed record VmDiskSample
{
    /// <summary>Guest device name, e.g. <c>vda</c>.</summary>
    public required string Target { get; init; }

    public long ReadRequests { get; init; }

    public long WriteRequests { get; init; }

    public long ReadBytes { get; init; }

    public long WriteBytes { get; init; }

    public long CapacityBytes { get; init; }

    public long AllocationBytes { get; init; }

    public double ReadBytesPerSec { get; init; }

    public double WriteBytesPerSec { get; init; }

    public double Iops { get; init; }
}
