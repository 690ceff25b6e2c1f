namespace SdnDashboard.Core.Control;

/// <summary>
/// A control-plane app as a functional core: it takes one event and the current time and returns the
/// commands it wants sent. It does no I/O, so it can be tested against a fake flow table.
/// </summary>
public interface IControllerApp
{
    /// <summary>
    /// Position in the <see cref="ControllerPipeline"/>: lower runs first. A packet-in stops at the first
    /// app that returns commands for it; every other event reaches every app.
    /// </summary>
    int Order { get; }

    /// <summary>Handles one event; returns the commands to send, in order (empty when none).</summary>
    IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now);
}
