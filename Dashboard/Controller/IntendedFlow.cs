using SdnDashboard.Core.Control;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>A flow the controller installed (a flow-mod add it sent) and still expects the switch to hold.</summary>
public sealed record IntendedFlow
{
    public byte TableId { get; init; }

    public ushort Priority { get; init; }

    public required PacketMatch Match { get; init; }

    public IReadOnlyList<FlowAction> Actions { get; init; } = [];

    public ulong Cookie { get; init; }

    public ushort IdleTimeoutSeconds { get; init; }

    public ushort HardTimeoutSeconds { get; init; }

    public DateTimeOffset SentAt { get; init; }
}
