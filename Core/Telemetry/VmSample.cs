using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Telemetry;

/// <summary>The latest state of one VM as its compute node's libvirt collector saw it (latest-state key).</summary>
public sealed record VmSample
{
    /// <summary>Contract version.</summary>
    [JsonPropertyName("v")]
    public int V { get; init; } = 1;

    /// <summary>The compute node (libvirt host name) the VM runs on.</summary>
    public required string Host { get; init; }

    public required string Uuid { get; init; }

    public required string Name { get; init; }

    /// <summary>libvirt domain state: <c>running</c>, <c>paused</c>, <c>shutoff</c>, ...</summary>
    public required string State { get; init; }

    /// <summary>libvirt's reason code for <see cref="State"/>.</summary>
    public int StateReason { get; init; }

    public int Vcpus { get; init; }

    /// <summary>Cumulative CPU time in nanoseconds.</summary>
    public long CpuTimeNs { get; init; }

    /// <summary>CPU use over the last poll, 100 = one full host core per vCPU.</summary>
    public double CpuPercent { get; init; }

    public long MaxMemoryKiB { get; init; }

    public long MemoryKiB { get; init; }

    /// <summary>Memory used inside the guest from balloon stats, when the driver reports it.</summary>
    public long? MemoryUsedKiB { get; init; }

    public double NetRxBytesPerSec { get; init; }

    public double NetTxBytesPerSec { get; init; }

    public double DiskReadBytesPerSec { get; init; }

    public double DiskWriteBytesPerSec { get; init; }

    public double DiskIops { get; init; }

    /// <summary>
    /// Seconds the rates above cover (since this VM's previous sample); 0 when this is its first sample
    /// and no rate is known yet.
    /// </summary>
    public double RateSeconds { get; init; }

    public IReadOnlyList<VmInterfaceSample> Interfaces { get; init; } = [];

    public IReadOnlyList<VmDiskSample> Disks { get; init; } = [];

    /// <summary>OpenStack Nova metadata from the domain XML, when present.</summary>
    public NovaInstanceInfo? Nova { get; init; }

    /// <summary>When the collector read these values.</summary>
    public DateTimeOffset At { get; init; }
}
