namespace SdnDashboard.Core.OpenFlow.Of10;

/// <summary><c>enum ofp_type</c> and related enums of OpenFlow 1.0 (the values the codec models).</summary>
public static class Of10Type
{
    public const byte Hello = 0;
    public const byte Error = 1;
    public const byte EchoRequest = 2;
    public const byte EchoReply = 3;
    public const byte Vendor = 4;
    public const byte FeaturesRequest = 5;
    public const byte FeaturesReply = 6;
    public const byte GetConfigRequest = 7;
    public const byte GetConfigReply = 8;
    public const byte SetConfig = 9;
    public const byte PacketIn = 10;
    public const byte FlowRemoved = 11;
    public const byte PortStatus = 12;
    public const byte PacketOut = 13;
    public const byte FlowMod = 14;
    public const byte StatsRequest = 16;
    public const byte StatsReply = 17;
    public const byte BarrierRequest = 18;
    public const byte BarrierReply = 19;

    /// <summary><c>enum ofp_stats_types</c>.</summary>
    public const ushort StatsDesc = 0;
    public const ushort StatsFlow = 1;
    public const ushort StatsAggregate = 2;
    public const ushort StatsTable = 3;
    public const ushort StatsPort = 4;

    /// <summary><c>enum ofp_action_type</c>.</summary>
    public const ushort ActionOutput = 0;
    public const ushort ActionSetDlSrc = 4;
    public const ushort ActionSetDlDst = 5;
    public const ushort ActionSetNwSrc = 6;
    public const ushort ActionSetNwDst = 7;

    /// <summary><c>enum ofp_flow_wildcards</c>.</summary>
    public const uint WildcardInPort = 1 << 0;
    public const uint WildcardDlVlan = 1 << 1;
    public const uint WildcardDlSrc = 1 << 2;
    public const uint WildcardDlDst = 1 << 3;
    public const uint WildcardDlType = 1 << 4;
    public const uint WildcardNwProto = 1 << 5;
    public const uint WildcardTpSrc = 1 << 6;
    public const uint WildcardTpDst = 1 << 7;
    public const int WildcardNwSrcShift = 8;
    public const uint WildcardNwSrcMask = 0x3Fu << WildcardNwSrcShift;
    public const int WildcardNwDstShift = 14;
    public const uint WildcardNwDstMask = 0x3Fu << WildcardNwDstShift;
    public const uint WildcardDlVlanPcp = 1 << 20;
    public const uint WildcardNwTos = 1 << 21;

    /// <summary>1.0 reserved ports are 16-bit: OFPP_MAX 0xff00 and up; OFPP_NONE 0xffff.</summary>
    public const ushort PortMax = 0xFF00;
    public const ushort PortNone = 0xFFFF;
}
