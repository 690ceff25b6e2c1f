
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Flow-mod. 1.0 has no instructions: its action list is modelled as one apply-actions instruction.</summary>
public sealed record FlowModMessage : OfMessage
{
    public ulong Cookie { get; init; }

    /// <summary>1.3 only.</summary>
    public ulong CookieMask { get; init; }

    /// <summary>1.3 only.</summary>
    public byte TableId { get; init; }

    public byte Command { get; init; }

    public ushort IdleTimeout { get; init; }

    public ushort HardTimeout { get; init; }

    public ushort Priority { get; init; }

    public uint BufferId { get; init; }

    /// <summary>Wire value: 32-bit for 1.3, 16-bit for 1.0.</summary>
    public uint OutPort { get; init; }

    /// <summary>1.3 only.</summary>
    public uint OutGroup { get; init; }

    public ushort Flags { get; init; }

    public required OfMatch Match { get; init; }

    public IReadOnlyList<OfInstruction> Instructions { get; init; } = [];
}
