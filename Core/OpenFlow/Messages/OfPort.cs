using SdnDashboard.Core.Net;

namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>A port as <c>ofp_port</c> (1.3, 64 bytes) or <c>ofp_phy_port</c> (1.0, 48 bytes) describe it.</summary>
public sealed record OfPort
{
    /// <summary>Wire value: 32-bit for 1.3, 16-bit for 1.0.</summary>
    public uint PortNumber { get; init; }

    public MacAddress HardwareAddress { get; init; }

    public string Name { get; init; } = "";

    public uint Config { get; init; }

    public uint State { get; init; }

    public uint Current { get; init; }

    public uint Advertised { get; init; }

    public uint Supported { get; init; }

    public uint Peer { get; init; }

    /// <summary>1.3 only, kbps.</summary>
    public uint CurrentSpeed { get; init; }

    /// <summary>1.3 only, kbps.</summary>
    public uint MaxSpeed { get; init; }

    /// <summary>Administratively down (config bit 0) or no link (state bit 0), same bits in 1.0 and 1.3.</summary>
    public bool IsUp => (Config & 1) == 0 && (State & 1) == 0;
}
