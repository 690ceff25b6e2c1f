
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Error: type, code and (usually) the start of the offending message.</summary>
public sealed record ErrorMessage : OfMessage
{
    public ushort Type { get; init; }

    public ushort Code { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }
}
