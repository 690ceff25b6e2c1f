namespace SdnDashboard.Dashboard.Controller;

/// <summary>The <c>Controller</c> section: the in-process OpenFlow controller's listener and timers.</summary>
public sealed class ControllerOptions
{
    public const string Section = "Controller";

    /// <summary>Run the controller at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Address and port switches connect to, <c>host:port</c>; port 0 picks a free one.</summary>
    public string Listen { get; set; } = "0.0.0.0:6653";

    /// <summary>Seconds of silence from a switch before an echo request; a switch silent for twice this is dropped.</summary>
    public int EchoIntervalSeconds { get; set; } = 5;

    /// <summary>Seconds a new connection has to finish hello, features and port description.</summary>
    public int HandshakeTimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds between flow-stats polls of every switch; 0 turns polling off.</summary>
    public int FlowStatsIntervalSeconds { get; set; } = 10;

    /// <summary>PKCS#12 (.pfx/.p12) or PEM certificate for TLS; empty = plain TCP.</summary>
    public string TlsCertificatePath { get; set; } = "";

    /// <summary>PEM private key when <see cref="TlsCertificatePath"/> is a PEM without the key inside.</summary>
    public string TlsKeyPath { get; set; } = "";

    /// <summary>Password of a PKCS#12 certificate.</summary>
    public string TlsCertificatePassword { get; set; } = "";

    /// <summary>
    /// Serve plain-TCP switches on one dedicated epoll thread that reads, runs the apps and writes without
    /// waiting (Linux; the default). False serves them, like TLS switches always are, on .NET's async sockets.
    /// </summary>
    public bool PollLoop { get; set; } = true;

    /// <summary>
    /// Epoll threads when <see cref="PollLoop"/> is on; switches are spread over them as they connect. One is the
    /// default because the apps run one event at a time anyway: a second thread mostly waits for the first to
    /// hand over the dispatcher (docs/BENCHMARKS.md, OpenFlow).
    /// </summary>
    public int PollThreads { get; set; } = 1;

    /// <summary>
    /// How long an epoll thread that has just served a switch keeps polling without sleeping before it waits in the
    /// kernel; 0 never spins. While switches keep it busy it then finds the next message without paying a wake-up;
    /// an idle controller spins at most this long after its last message (docs/BENCHMARKS.md, OpenFlow).
    /// </summary>
    public int PollSpinMicroseconds { get; set; } = 50;

    /// <summary>Bytes queued for one switch that has stopped reading before it is dropped.</summary>
    public int MaxSendQueueBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Intended flows remembered per switch for the flow-table difference.</summary>
    public int FlowLedgerCapacity { get; set; } = 100_000;

    public bool TlsEnabled => !string.IsNullOrWhiteSpace(TlsCertificatePath);
}
