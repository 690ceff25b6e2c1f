using System.Collections.Concurrent;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Diagnostics;

namespace SdnDashboard.Dashboard.Controller;

/// <summary>
/// Runs the controller apps, one event at a time: events from every switch go through one queue, so each
/// switch's events arrive in order and the apps (not thread-safe) are never called concurrently. There is no
/// thread of its own: whichever thread finds the queue unowned drains it (a switch's receive loop once it has
/// read, or a thread-pool item for events posted from elsewhere), so a packet-in is answered on the thread that
/// read it, without waiting for another thread to wake up. Commands are written to their switches' send queues
/// and flushed once per batch of events, so replies to several packet-ins leave in one socket send.
/// </summary>
internal sealed class ControllerDispatcher(
    IControllerApp app, SwitchRegistry registry, ControllerStatistics statistics, TimeProvider time, ILogger logger) : IThreadPoolWorkItem
{
    /// <summary>Events run between two flushes; also how long one thread drains before handing over to the pool.</summary>
    internal const int BatchSize = 256;

    private const int BatchesPerTurn = 16;

    private readonly ConcurrentQueue<(SwitchConnection? Source, ControllerEvent Event)> _queue = new();
    private readonly List<SwitchConnection> _touched = [];
    private readonly LogThrottle _appErrorLog = new(time, TimeSpan.FromSeconds(1));
    private int _running;
    private int _scheduled;
    private volatile bool _completed;

    /// <summary>Looks up the live connection of a datapath for commands addressed to another switch.</summary>
    public Func<ulong, SwitchConnection?> Route { get; set; } = _ => null;

    /// <summary>
    /// Queues an event without running it: for a receive loop, which calls <see cref="RunPending"/> once it has
    /// queued everything one read brought.
    /// </summary>
    public void Enqueue(SwitchConnection source, ControllerEvent controllerEvent)
    {
        if (!_completed)
        {
            _queue.Enqueue((source, controllerEvent));
        }
    }

    /// <summary>Queues an event and makes sure a thread-pool thread runs it if no other thread is draining.</summary>
    public void Post(SwitchConnection source, ControllerEvent controllerEvent)
    {
        Enqueue(source, controllerEvent);
        Schedule();
    }

    /// <summary>
    /// Queues commands made outside any event (a policy edit); they go out in order with the apps' own
    /// commands, to whichever switches they name.
    /// </summary>
    public void PostCommands(IReadOnlyList<SwitchCommand> commands)
    {
        if (!_completed)
        {
            _queue.Enqueue((null, new ExternalCommands(commands)));
            Schedule();
        }
    }

    /// <summary>
    /// Runs queued events on the calling thread unless another thread already is (that one will run them).
    /// After a bounded turn the rest is handed to the thread pool, so a receive loop returns to its own socket.
    /// </summary>
    public void RunPending()
    {
        // The exchange that releases ownership is a full fence, so an event queued by a thread whose own attempt
        // to take ownership failed is seen by the re-check below and never stranded.
        var turns = 0;
        while (!_queue.IsEmpty)
        {
            if (turns == BatchesPerTurn)
            {
                Schedule();
                return;
            }

            if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }

            try
            {
                RunBatch();
            }
            finally
            {
                Interlocked.Exchange(ref _running, 0);
            }

            turns++;
        }
    }

    /// <summary>No more events are taken; what is queued runs now (disconnections reach the apps).</summary>
    public void Complete()
    {
        _completed = true;
        RunPending();
    }

    void IThreadPoolWorkItem.Execute()
    {
        Interlocked.Exchange(ref _scheduled, 0);
        RunPending();
    }

    private void Schedule()
    {
        if (Volatile.Read(ref _running) == 0 && Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void RunBatch()
    {
        statistics.OnAppBatch();
        for (var n = 0; n < BatchSize && _queue.TryDequeue(out var item); n++)
        {
            Run(item.Source, item.Event);
        }

        foreach (var connection in _touched)
        {
            connection.FlushPending = false;
            connection.Flush();
        }

        _touched.Clear();
    }

    private void Run(SwitchConnection? source, ControllerEvent controllerEvent)
    {
        if (controllerEvent is PacketIn && (source?.IsClosed ?? true))
        {
            return;
        }

        var now = time.GetUtcNow();
        IReadOnlyList<SwitchCommand> commands;
        try
        {
            commands = controllerEvent is ExternalCommands external ? external.Commands : app.Handle(controllerEvent, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            statistics.OnAppError();
            if (_appErrorLog.TryEnter(out var suppressed))
            {
                logger.LogError(ex, "Controller app failed on {Event} ({Suppressed} more failures not logged)",
                    controllerEvent.GetType().Name, suppressed);
            }

            return;
        }

        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            var target = source is { IsClosed: false } && command.DatapathId == source.DatapathId ? source : Route(command.DatapathId);
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
                _touched.Add(target);
            }
        }
    }

    /// <summary>Commands from outside the apps, carried through the same queue as switch events.</summary>
    private sealed record ExternalCommands(IReadOnlyList<SwitchCommand> Commands) : ControllerEvent(0);
}
