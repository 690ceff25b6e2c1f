
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Features reply. OpenFlow 1.0 lists the ports here; 1.3 has an auxiliary id and asks for ports by port-desc.</summary>
public sealed record FeaturesReplyMessage : OfMessage
{
    public ulong DatapathId { get; init; }

    public uint Buffers { get; init; }

    public byte Tables { get; init; }

    /// <summary>OpenFlow 1.3 only.</summary>
    public byte AuxiliaryId { get; init; }

    public uint Capabilities { get; init; }

    /// <summary>1.3: reserved; 1.0: the supported actions bitmap.</summary>
    public uint ReservedOrActions { get; init; }

    /// <summary>OpenFlow 1.0 only (empty for 1.3).</summary>
    public IReadOnlyList<OfPort> Ports { get; init; } = [];
}
