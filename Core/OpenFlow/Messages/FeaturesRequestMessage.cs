
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Features request: asks the switch for its datapath id.</summary>
public sealed record FeaturesRequestMessage : OfMessage;
