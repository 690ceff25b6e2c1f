
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Get-config request.</summary>
public sealed record GetConfigRequestMessage : OfMessage;
