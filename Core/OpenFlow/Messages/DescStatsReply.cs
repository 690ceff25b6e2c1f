namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>The switch description strings.</summary>
public sealed record DescStatsReply : MultipartReplyMessage
{
    /// <summary>Size of the body: four 256-byte strings and a 32-byte serial number.</summary>
    public const int BodySize = 1056;

    public string Manufacturer { get; init; } = "";

    public string Hardware { get; init; } = "";

    public string Software { get; init; } = "";

    public string SerialNumber { get; init; } = "";

    public string Datapath { get; init; } = "";
}
