namespace SdnDashboard.Core.Control;

/// <summary>Something a controller app wants sent to one switch; only the connection layer sends it.</summary>
public abstract record SwitchCommand(ulong DatapathId);

public enum FlowModCommand
{
    Add,
    Modify,
    ModifyStrict,
    Delete,
    DeleteStrict,
}

/// <summary>Install, change or remove flows.</summary>
public sealed record FlowModCommandMessage(ulong DatapathId) : SwitchCommand(DatapathId)
{
    public FlowModCommand Command { get; init; } = FlowModCommand.Add;

    public byte TableId { get; init; }

    public ushort Priority { get; init; } = 0x8000;

    public PacketMatch Match { get; init; } = PacketMatch.Any;

    public IReadOnlyList<FlowAction> Actions { get; init; } = [];

    public ushort IdleTimeoutSeconds { get; init; }

    public ushort HardTimeoutSeconds { get; init; }

    public ulong Cookie { get; init; }

    /// <summary>For delete and modify: which cookie bits must match (0 = any).</summary>
    public ulong CookieMask { get; init; }

    /// <summary>A buffered packet-in to release through the new flow, or <see cref="OfPorts.NoBuffer"/>.</summary>
    public uint BufferId { get; init; } = OfPorts.NoBuffer;

    /// <summary>Ask for a flow-removed message when the flow expires or is deleted.</summary>
    public bool SendFlowRemoved { get; init; }

    /// <summary>For delete: only flows that output to this port (<see cref="OfPorts.Any"/> = all).</summary>
    public uint OutPort { get; init; } = OfPorts.Any;
}

/// <summary>Send a packet (a buffered one, or the bytes given) through the actions.</summary>
public sealed record PacketOutCommand(ulong DatapathId) : SwitchCommand(DatapathId)
{
    public uint BufferId { get; init; } = OfPorts.NoBuffer;

    public uint InPort { get; init; } = OfPorts.Controller;

    public IReadOnlyList<FlowAction> Actions { get; init; } = [];

    /// <summary>The frame when <see cref="BufferId"/> is <see cref="OfPorts.NoBuffer"/>.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }
}

/// <summary>Ask the switch to confirm everything sent before it has been processed.</summary>
public sealed record BarrierCommand(ulong DatapathId) : SwitchCommand(DatapathId);
