namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Counters of one port, in wire order (duration exists only in 1.3).</summary>
public sealed record PortStatsEntry
{
    /// <summary>Wire value.</summary>
    public uint PortNumber { get; init; }

    /// <summary>rx_packets, tx_packets, rx_bytes, tx_bytes, rx_dropped, tx_dropped, rx_errors, tx_errors, rx_frame_err, rx_over_err, rx_crc_err, collisions.</summary>
    public IReadOnlyList<ulong> Counters { get; init; } = [];

    public uint DurationSeconds { get; init; }

    public uint DurationNanoseconds { get; init; }
}
