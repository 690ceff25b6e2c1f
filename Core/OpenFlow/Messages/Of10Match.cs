
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>The 40-byte OpenFlow 1.0 <c>ofp_match</c>: fixed fields and a wildcard bitmap.</summary>
public sealed record Of10Match : OfMatch
{
    /// <summary>Every field wildcarded (OFPFW_ALL).</summary>
    public const uint WildcardAll = (1u << 22) - 1;

    public uint Wildcards { get; init; } = WildcardAll;

    public ushort InPort { get; init; }

    public ulong DlSrc { get; init; }

    public ulong DlDst { get; init; }

    public ushort DlVlan { get; init; }

    public byte DlVlanPcp { get; init; }

    public ushort DlType { get; init; }

    public byte NwTos { get; init; }

    public byte NwProto { get; init; }

    public uint NwSrc { get; init; }

    public uint NwDst { get; init; }

    public ushort TpSrc { get; init; }

    public ushort TpDst { get; init; }
}
