namespace SdnDashboard.Collectors.Sflow;

/// <summary>The <c>Sflow</c> section: the UDP listener and the per-interval aggregation.</summary>
public sealed class SflowOptions
{
    public const string Section = "Sflow";

    /// <summary>Runs the sFlow collector.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Address to listen on; <c>0.0.0.0</c> for every IPv4 address, <c>::</c> for IPv4 and IPv6.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>UDP port; 6343 is sFlow's registered port, 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 6343;

    /// <summary>When not empty, only datagrams from these sender addresses are accepted; others are counted and dropped.</summary>
    public List<string> AllowedAgents { get; set; } = [];

    /// <summary>Aggregation and publishing interval.</summary>
    public double IntervalSeconds { get; set; } = 1;

    /// <summary>How many flows (5-tuples) by estimated bytes each batch carries.</summary>
    public int TopFlows { get; set; } = 20;

    /// <summary>VMs by vNIC MAC, used when the libvirt collector publishes none.</summary>
    public List<SflowVmOptions> Vms { get; set; } = [];

    /// <summary>Socket receive buffer: absorbs bursts while the receive thread is busy.</summary>
    public int ReceiveBufferBytes { get; set; } = 8 * 1024 * 1024;
}
