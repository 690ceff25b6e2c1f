using SdnDashboard.Core.Control;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>One flow a switch reported in its last flow-stats reply, in the version-neutral model.</summary>
public sealed record FlowEntryView
{
    public byte TableId { get; init; }

    public ushort Priority { get; init; }

    public required PacketMatch Match { get; init; }

    public IReadOnlyList<FlowAction> Actions { get; init; } = [];

    public ulong Cookie { get; init; }

    public ulong PacketCount { get; init; }

    public ulong ByteCount { get; init; }

    public TimeSpan Duration { get; init; }

    public ushort IdleTimeoutSeconds { get; init; }

    public ushort HardTimeoutSeconds { get; init; }
}
