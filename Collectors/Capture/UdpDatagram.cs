using SdnDashboard.Core.Packets;

namespace SdnDashboard.Collectors.Capture;

/// <summary>A UDP datagram found in a captured frame.</summary>
/// <param name="Source">Sender address.</param>
/// <param name="SourcePort">Sender port.</param>
/// <param name="Destination">Receiver address.</param>
/// <param name="DestinationPort">Receiver port.</param>
/// <param name="Payload">The UDP payload, trimmed to the UDP length.</param>
public readonly record struct UdpDatagram(
    IpAddressValue Source, ushort SourcePort, IpAddressValue Destination, ushort DestinationPort, ReadOnlyMemory<byte> Payload);
