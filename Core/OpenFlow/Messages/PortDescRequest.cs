namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Asks for the port list (1.3 only; 1.0 lists ports in the features reply).</summary>
public sealed record PortDescRequest : MultipartRequestMessage;
