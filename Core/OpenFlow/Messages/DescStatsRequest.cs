namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Asks for the switch description.</summary>
public sealed record DescStatsRequest : MultipartRequestMessage;
