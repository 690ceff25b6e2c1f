
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>An action this stack does not model; the whole TLV, re-encoded as is.</summary>
public sealed record OfUnknownAction(ushort Type, ReadOnlyMemory<byte> Raw) : OfAction;
