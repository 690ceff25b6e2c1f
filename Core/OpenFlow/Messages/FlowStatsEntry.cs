namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>One flow in a flow-stats reply.</summary>
public sealed record FlowStatsEntry
{
    public byte TableId { get; init; }

    public uint DurationSeconds { get; init; }

    public uint DurationNanoseconds { get; init; }

    public ushort Priority { get; init; }

    public ushort IdleTimeout { get; init; }

    public ushort HardTimeout { get; init; }

    /// <summary>1.3 only.</summary>
    public ushort Flags { get; init; }

    public ulong Cookie { get; init; }

    public ulong PacketCount { get; init; }

    public ulong ByteCount { get; init; }

    public required OfMatch Match { get; init; }

    /// <summary>1.0: one apply-actions instruction holding the action list.</summary>
    public IReadOnlyList<OfInstruction> Instructions { get; init; } = [];
}
