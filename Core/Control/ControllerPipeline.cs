namespace SdnDashboard.Core.Control;

/// <summary>
/// Runs the controller apps in <see cref="IControllerApp.Order"/>. A packet-in is consumed by the first app
/// that answers it (the load balancer before the learning switch); connection, port and flow-removed
/// events reach every app, whose commands are concatenated in app order.
/// </summary>
public sealed class ControllerPipeline(IEnumerable<IControllerApp> apps) : IControllerApp
{
    private readonly IControllerApp[] _apps = apps.OrderBy(a => a.Order).ToArray();

    public int Order => 0;

    /// <summary>The apps in the order they run.</summary>
    public IReadOnlyList<IControllerApp> Apps => _apps;

    public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now)
    {
        if (controllerEvent is PacketIn)
        {
            foreach (var app in _apps)
            {
                var commands = app.Handle(controllerEvent, now);
                if (commands.Count > 0)
                {
                    return commands;
                }
            }

            return [];
        }

        List<SwitchCommand>? all = null;
        foreach (var app in _apps)
        {
            var commands = app.Handle(controllerEvent, now);
            if (commands.Count > 0)
            {
                (all ??= []).AddRange(commands);
            }
        }

        return all ?? (IReadOnlyList<SwitchCommand>)[];
    }
}
