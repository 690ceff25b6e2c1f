namespace SdnDashboard.Core.Control;

/// <summary>
/// Where commands made outside an event (a policy edit from the UI or API) go: the connection layer sends
/// each to the switch it names, or drops it when that switch is not connected.
/// </summary>
public interface ISwitchCommandSink
{
    /// <summary>Queues the commands for their switches, in order.</summary>
    ValueTask SendAsync(IReadOnlyList<SwitchCommand> commands, CancellationToken cancellationToken = default);
}
