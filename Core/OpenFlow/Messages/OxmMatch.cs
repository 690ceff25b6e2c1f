
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>An OpenFlow 1.3 OXM match: the TLVs exactly as received (no ofp_match header or padding).</summary>
public sealed record OxmMatch(ReadOnlyMemory<byte> Fields) : OfMatch
{
    public static readonly OxmMatch Empty = new(ReadOnlyMemory<byte>.Empty);

    /// <summary>Enumerates the TLVs; an entry whose length runs past the end stops the walk with an error.</summary>
    public OxmReader GetReader() => new(Fields.Span);
}
