using SdnDashboard.Core.Control;
using SdnDashboard.Core.OpenFlow.Messages;

namespace SdnDashboard.Dashboard.Demo;

/// <summary>One flow entry of the <see cref="DemoFlowTable"/>.</summary>
public sealed class DemoFlow
{
    public required ushort Priority { get; init; }

    public required PacketMatch Match { get; init; }

    public required IReadOnlyList<FlowAction> Actions { get; set; }

    /// <summary>The instructions as the controller sent them, echoed back in flow-stats replies.</summary>
    public IReadOnlyList<OfInstruction> Instructions { get; set; } = [];

    public required ulong Cookie { get; init; }

    public ushort IdleTimeoutSeconds { get; init; }

    public ushort HardTimeoutSeconds { get; init; }

    public bool SendFlowRemoved { get; init; }

    public DateTimeOffset InstalledAt { get; init; }

    public DateTimeOffset LastUsed { get; set; }

    public ulong PacketCount { get; set; }

    public ulong ByteCount { get; set; }

    public bool OutputsTo(uint port) => Actions.OfType<OutputAction>().Any(a => a.Port == port);

    public override string ToString() =>
        $"prio={Priority} cookie=0x{Cookie:x16} match={Match} actions=[{string.Join(", ", Actions)}]";
}
