using System.Text.Json.Serialization;

namespace SdnDashboard.Core.Telemetry;

/// <summary>The latest state of one compute node (hypervisor) from virNodeGetInfo (latest-state key).</summary>
public sealed record HostSample
{
    [JsonPropertyName("v")]
    public int V { get; init; } = 1;

    /// <summary>The host name libvirt reports; the id of this host everywhere.</summary>
    public required string Host { get; init; }

    /// <summary>The libvirt URI the collector reads this host through.</summary>
    public required string Uri { get; init; }

    public string? CpuModel { get; init; }

    public int Cpus { get; init; }

    public int Mhz { get; init; }

    public long MemoryKiB { get; init; }

    public long FreeMemoryKiB { get; init; }

    public int VmsRunning { get; init; }

    public int VmsTotal { get; init; }

    /// <summary>Sum of vCPUs of running VMs.</summary>
    public int VcpusUsed { get; init; }

    public DateTimeOffset At { get; init; }
}
