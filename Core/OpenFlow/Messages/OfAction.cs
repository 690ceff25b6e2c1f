
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>An action as the wire carries it.</summary>
public abstract record OfAction;
