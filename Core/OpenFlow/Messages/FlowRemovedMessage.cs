
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Flow-removed: a flow expired or was deleted, with its final counters.</summary>
public sealed record FlowRemovedMessage : OfMessage
{
    public ulong Cookie { get; init; }

    public ushort Priority { get; init; }

    public byte Reason { get; init; }

    /// <summary>1.3 only.</summary>
    public byte TableId { get; init; }

    public uint DurationSeconds { get; init; }

    public uint DurationNanoseconds { get; init; }

    public ushort IdleTimeout { get; init; }

    /// <summary>1.3 only.</summary>
    public ushort HardTimeout { get; init; }

    public ulong PacketCount { get; init; }

    public ulong ByteCount { get; init; }

    public required OfMatch Match { get; init; }
}
