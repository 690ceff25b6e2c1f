using SdnDashboard.Core.Control;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.OpenFlow;
using SdnDashboard.Core.OpenFlow.Messages;
using SdnDashboard.Core.OpenFlow.Of13;

namespace SdnDashboard.Tests.OpenFlow;

/// <summary>The packet-ins the controller tests send as a switch would: a minimal Ethernet frame, wrapped for 1.3 or 1.0.</summary>
internal static class TestPacketIns
{
    /// <summary>A 60-byte IPv4 Ethernet frame from <paramref name="src"/> to <paramref name="dst"/>, the rest zero.</summary>
    public static byte[] Frame(MacAddress dst, MacAddress src)
    {
        var frame = new byte[60];
        dst.Write(frame);
        src.Write(frame.AsSpan(6));
        frame[12] = 0x08;
        return frame;
    }

    /// <summary>A packet-in carrying <paramref name="frame"/> from <paramref name="inPort"/>, in the dialect of <paramref name="version"/>.</summary>
    public static PacketInMessage PacketIn(byte version, uint inPort, byte[] frame, uint bufferId = OfPorts.NoBuffer) => version == OfVersion.V13
        ? new PacketInMessage { BufferId = bufferId, TotalLength = (ushort)frame.Length, Match = Of13Translator.ToOxmMatch(new PacketMatch { InPort = inPort }), Data = frame }
        : new PacketInMessage { BufferId = bufferId, TotalLength = (ushort)frame.Length, InPort = (ushort)inPort, Data = frame };
}
