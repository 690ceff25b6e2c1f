using SdnDashboard.Core.Control;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// What the controller knows of one switch: the connection, its ports, the flows it really holds (last flow-stats
/// poll), and how that differs from what the controller intended.
/// </summary>
public sealed record SwitchView
{
    public ulong DatapathId { get; init; }

    /// <summary>Datapath id as OVS prints it: 16 hex digits.</summary>
    public string DatapathIdText => DatapathId.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Negotiated wire version (1 = OpenFlow 1.0, 4 = 1.3).</summary>
    public byte Version { get; init; }

    public string RemoteAddress { get; init; } = "";

    public bool Connected { get; init; }

    public DateTimeOffset ConnectedSince { get; init; }

    public DateTimeOffset? DisconnectedAt { get; init; }

    public string? DisconnectReason { get; init; }

    public IReadOnlyList<SwitchPort> Ports { get; init; } = [];

    /// <summary>When the last complete flow-stats reply arrived; null before the first.</summary>
    public DateTimeOffset? LastStatsAt { get; init; }

    public IReadOnlyList<FlowEntryView> Flows { get; init; } = [];

    /// <summary>Flows the controller sent before the last poll that the switch did not report.</summary>
    public IReadOnlyList<IntendedFlow> IntendedButMissing { get; init; } = [];

    /// <summary>Flows the switch reported that the controller did not send this session.</summary>
    public IReadOnlyList<FlowEntryView> PresentButUnintended { get; init; } = [];

    /// <summary>Intended flows currently remembered.</summary>
    public int IntendedCount { get; init; }

    /// <summary>The ledger hit its capacity and stopped recording; the difference is then incomplete.</summary>
    public bool LedgerTruncated { get; init; }
}
