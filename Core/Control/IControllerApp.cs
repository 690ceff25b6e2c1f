namespace SdnDashboard.Core.Control;

/// <summary>
/// A control-plane app as a functional core: it takes one event and the current time and returns the
/// commands it wants sent. It does no I/O, so it can be tested against a fake flow table.
/// </summary>
public interface IControllerApp
{
    /// <summary>Handles one event; returns the commands to send, in order (empty when none).</summary>
    IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now);
}
