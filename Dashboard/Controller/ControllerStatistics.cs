namespace SdnDashboard.Dashboard.Controller;

/// <summary>Counters of the OpenFlow connection layer, for the health page, logs and benchmarks. Thread-safe.</summary>
public sealed class ControllerStatistics
{
    private long _accepted;
    private long _malformed;
    private long _packetIns;
    private long _messagesSent;
    private long _appErrors;
    private long _switchErrors;
    private long _appBatches;

    /// <summary>TCP connections accepted since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Messages or byte streams that could not be decoded (each dropped, the stream ones closing their connection).</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    public long PacketIns => Interlocked.Read(ref _packetIns);

    /// <summary>Messages written to switches (commands, handshakes, echoes, polls).</summary>
    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    /// <summary>Exceptions thrown by controller apps (the event is dropped, the controller goes on).</summary>
    public long AppErrors => Interlocked.Read(ref _appErrors);

    /// <summary>OpenFlow error messages received from switches.</summary>
    public long SwitchErrors => Interlocked.Read(ref _switchErrors);

    /// <summary>
    /// Turns of the apps: each runs every event queued by then (up to 256) and flushes the answers once. Packet-ins
    /// per turn grow with load, as a poll round reads every switch that is ready before the apps run.
    /// </summary>
    public long AppBatches => Interlocked.Read(ref _appBatches);

    internal void OnAccepted() => Interlocked.Increment(ref _accepted);

    internal void OnMalformed() => Interlocked.Increment(ref _malformed);

    internal void OnPacketIn() => Interlocked.Increment(ref _packetIns);

    internal void OnSent(int count) => Interlocked.Add(ref _messagesSent, count);

    internal void OnAppError() => Interlocked.Increment(ref _appErrors);

    internal void OnSwitchError() => Interlocked.Increment(ref _switchErrors);

    internal void OnAppBatch() => Interlocked.Increment(ref _appBatches);
}
