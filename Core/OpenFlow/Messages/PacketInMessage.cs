
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Packet-in. 1.3 carries the in-port in <see cref="Match"/>; 1.0 in <see cref="InPort"/>.</summary>
public sealed record PacketInMessage : OfMessage
{
    public uint BufferId { get; init; }

    public ushort TotalLength { get; init; }

    public byte Reason { get; init; }

    /// <summary>1.3 only.</summary>
    public byte TableId { get; init; }

    /// <summary>1.3 only.</summary>
    public ulong Cookie { get; init; }

    /// <summary>1.3: the OXM match (in-port and more); null for 1.0.</summary>
    public OxmMatch? Match { get; init; }

    /// <summary>1.0 only: the 16-bit in-port as on the wire.</summary>
    public ushort InPort { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }
}
