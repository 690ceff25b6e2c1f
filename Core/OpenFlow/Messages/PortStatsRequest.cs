namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Asks for port counters of one port or all (<c>OFPP_ANY</c> / 1.0 <c>OFPP_NONE</c>).</summary>
public sealed record PortStatsRequest : MultipartRequestMessage
{
    /// <summary>Wire value.</summary>
    public uint PortNumber { get; init; }
}
