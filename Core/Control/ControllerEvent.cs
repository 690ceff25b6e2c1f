using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.Control;

/// <summary>Something a switch told the controller, version-neutral; the input of every controller app.</summary>
public abstract record ControllerEvent(ulong DatapathId);

/// <summary>One port of a switch as features/port-desc/port-status describe it.</summary>
public sealed record SwitchPort(uint Number, MacAddress HardwareAddress, string Name, bool IsUp);

/// <summary>A switch finished the handshake (hello, features, port description).</summary>
public sealed record SwitchConnected(ulong DatapathId, byte Version, IReadOnlyList<SwitchPort> Ports) : ControllerEvent(DatapathId);

public sealed record SwitchDisconnected(ulong DatapathId, string Reason) : ControllerEvent(DatapathId);

public enum PacketInReason
{
    NoMatch,
    Action,
    InvalidTtl,
}

/// <summary>A packet the switch had no flow for (or was told to send up).</summary>
public sealed record PacketIn(ulong DatapathId) : ControllerEvent(DatapathId)
{
    public uint InPort { get; init; }

    public uint BufferId { get; init; } = OfPorts.NoBuffer;

    public PacketInReason Reason { get; init; }

    public byte TableId { get; init; }

    public ulong Cookie { get; init; }

    /// <summary>Length of the frame on the wire; <see cref="Data"/> may hold less when buffered.</summary>
    public int TotalLength { get; init; }

    /// <summary>The frame (or its first bytes) starting at the Ethernet header.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }
}

public enum FlowRemovedReason
{
    IdleTimeout,
    HardTimeout,
    Delete,
    GroupDelete,
}

public sealed record FlowRemoved(ulong DatapathId) : ControllerEvent(DatapathId)
{
    public ulong Cookie { get; init; }

    public ushort Priority { get; init; }

    public FlowRemovedReason Reason { get; init; }

    public byte TableId { get; init; }

    public PacketMatch Match { get; init; } = PacketMatch.Any;

    public TimeSpan Duration { get; init; }

    public ulong PacketCount { get; init; }

    public ulong ByteCount { get; init; }
}

public enum PortChange
{
    Added,
    Deleted,
    Modified,
}

public sealed record PortStatusChanged(ulong DatapathId, PortChange Change, SwitchPort Port) : ControllerEvent(DatapathId);
