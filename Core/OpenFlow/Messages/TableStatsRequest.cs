namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Asks for per-table counters.</summary>
public sealed record TableStatsRequest : MultipartRequestMessage;
