namespace SdnDashboard.Core.OpenFlow.Of13;

/// <summary><c>enum ofp_type</c> of OpenFlow 1.3 (the values the codec models).</summary>
public static class Of13Type
{
    public const byte Hello = 0;
    public const byte Error = 1;
    public const byte EchoRequest = 2;
    public const byte EchoReply = 3;
    public const byte Experimenter = 4;
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
    public const byte MultipartRequest = 18;
    public const byte MultipartReply = 19;
    public const byte BarrierRequest = 20;
    public const byte BarrierReply = 21;

    /// <summary><c>enum ofp_multipart_type</c>.</summary>
    public const ushort MultipartDesc = 0;
    public const ushort MultipartFlow = 1;
    public const ushort MultipartAggregate = 2;
    public const ushort MultipartTable = 3;
    public const ushort MultipartPortStats = 4;
    public const ushort MultipartPortDesc = 13;

    /// <summary><c>enum ofp_instruction_type</c>.</summary>
    public const ushort InstructionGotoTable = 1;
    public const ushort InstructionWriteActions = 3;
    public const ushort InstructionApplyActions = 4;
    public const ushort InstructionClearActions = 5;

    /// <summary><c>enum ofp_action_type</c>.</summary>
    public const ushort ActionOutput = 0;
    public const ushort ActionSetField = 25;
}
