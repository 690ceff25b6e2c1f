
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>An instruction this stack does not model (meter, write-metadata, experimenter); the whole TLV.</summary>
public sealed record UnknownInstruction(ushort Type, ReadOnlyMemory<byte> Raw) : OfInstruction;
