
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Packet-out: send a buffered packet or the given bytes through the actions.</summary>
public sealed record PacketOutMessage : OfMessage
{
    public uint BufferId { get; init; }

    /// <summary>Wire value: 32-bit for 1.3, 16-bit for 1.0.</summary>
    public uint InPort { get; init; }

    public IReadOnlyList<OfAction> Actions { get; init; } = [];

    public ReadOnlyMemory<byte> Data { get; init; }
}
