using System.Threading.Channels;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Diagnostics;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// The single thread that runs the controller apps: events from every switch go through one queue, so each
/// switch's events arrive in order and the apps (not thread-safe) are never called concurrently. Commands are
/// written to their switches' send buffers and flushed once per batch of events.
/// </summary>
internal sealed class ControllerDispatcher(
    IControllerApp app, SwitchRegistry registry, ControllerStatistics statistics, TimeProvider time, ILogger logger)
{
    private readonly Channel<(SwitchConnection? Source, ControllerEvent Event)> _queue =
        Channel.CreateUnbounded<(SwitchConnection?, ControllerEvent)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly LogThrottle _appErrorLog = new(time, TimeSpan.FromSeconds(1));

    /// <summary>Looks up the live connection of a datapath for commands addressed to another switch.</summary>
    public Func<ulong, SwitchConnection?> Route { get; set; } = _ => null;

    public void Post(SwitchConnection source, ControllerEvent controllerEvent) => _queue.Writer.TryWrite((source, controllerEvent));

    /// <summary>
    /// Queues commands made outside any event (a policy edit); they go out on this thread, in order with the
    /// apps' own commands, to whichever switches they name.
    /// </summary>
    public void PostCommands(IReadOnlyList<SwitchCommand> commands) => _queue.Writer.TryWrite((null, new ExternalCommands(commands)));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var touched = new List<SwitchConnection>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (item.Event is PacketIn && (item.Source?.IsClosed ?? true))
                {
                    continue;
                }

                var now = time.GetUtcNow();
                IReadOnlyList<SwitchCommand> commands;
                try
                {
                    commands = item.Event is ExternalCommands external ? external.Commands : app.Handle(item.Event, now);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    statistics.OnAppError();
                    if (_appErrorLog.TryEnter(out var suppressed))
                    {
                        logger.LogError(ex, "Controller app failed on {Event} ({Suppressed} more failures not logged)",
                            item.Event.GetType().Name, suppressed);
                    }

                    continue;
                }

                for (var i = 0; i < commands.Count; i++)
                {
                    var command = commands[i];
                    var target = item.Source is { IsClosed: false } source && command.DatapathId == source.DatapathId
                        ? source : Route(command.DatapathId);
                    if (target is null || !target.Enqueue(command))
                    {
                        continue;
                    }

                    if (command is FlowModCommandMessage flowMod)
                    {
                        registry.RecordFlowMod(flowMod, now);
                    }

                    if (!target.FlushPending)
                    {
                        target.FlushPending = true;
                        touched.Add(target);
                    }
                }
            }

            foreach (var connection in touched)
            {
                connection.FlushPending = false;
                connection.Flush();
            }

            touched.Clear();
        }
    }

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Commands from outside the apps, carried through the same queue as switch events.</summary>
    private sealed record ExternalCommands(IReadOnlyList<SwitchCommand> Commands) : ControllerEvent(0);
}
