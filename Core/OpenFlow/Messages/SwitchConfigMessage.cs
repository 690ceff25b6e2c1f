
namespace SdnDashboard.Core.OpenFlow.Messages;

/// <summary>Get-config reply or set-config: fragment flags and how many bytes of a packet go to the controller.</summary>
public sealed record SwitchConfigMessage : OfMessage
{
    /// <summary><c>true</c> for set-config, <c>false</c> for get-config reply.</summary>
    public bool IsSet { get; init; }

    public ushort Flags { get; init; }

    public ushort MissSendLength { get; init; }
}
