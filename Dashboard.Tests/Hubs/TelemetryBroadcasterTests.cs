using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Hubs;
using SdnDashboard.Dashboard.Live;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Hubs;

/// <summary>The hub broadcaster on one replica (no Redis): full state first, then coalesced deltas of what changed.</summary>
public sealed class TelemetryBroadcasterTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly RecordingHubContext _hub = new();
    private ClusterFeed _feed = default!;
    private TelemetryBroadcaster _broadcaster = default!;
    private ServiceProvider _services = default!;

    public Task InitializeAsync() => StartAsync(minSendIntervalMs: 50);

    public async Task DisposeAsync()
    {
        await _broadcaster.StopAsync(CancellationToken.None);
        _broadcaster.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Delta_CarriesOnlyTheChangedHost_ItsVms_AndRemovedVms()
    {
        var full = (ClusterUpdate)(await PrimeAsync(Poll("node-a", "a1", "a2"))).Message!;
        _feed.Apply(Poll("node-b", "b1", "b2"));
        await NextAsync(TelemetryHub.DeltaMethod, after: 1);
        var before = _hub.Sent.Count;

        _feed.Apply(Poll("node-a", "a1"));

        var delta = (ClusterDelta)(await NextAsync(TelemetryHub.DeltaMethod, after: before)).Message!;
        Assert.Equal(["node-a"], delta.Nodes.Select(n => n.Host));
        Assert.Equal(["a1"], delta.Vms.Select(v => v.Name));
        Assert.Equal(["uuid-a2"], delta.RemovedVms);
        Assert.Empty(delta.RemovedNodes);
        Assert.True(delta.Sequence > full.Sequence);
    }

    [Fact]
    public async Task Changes_WithinTheMinimumInterval_AreCoalescedIntoOneDelta()
    {
        await RestartAsync(minSendIntervalMs: 1000);
        var full = await PrimeAsync(Poll("node-a", "a1"));

        _feed.Apply(Poll("node-a", "a1"));
        _feed.Apply(Poll("node-b", "b1"));
        _feed.Apply(Poll("node-c", "c1"));

        var delta = await NextAsync(TelemetryHub.DeltaMethod, after: 1);
        await Task.Delay(1500);
        var message = (ClusterDelta)delta.Message!;
        Assert.Equal(["node-a", "node-b", "node-c"], message.Nodes.Select(n => n.Host));
        Assert.Equal(2, _hub.Sent.Count);
        Assert.True(delta.At - full.At >= TimeSpan.FromMilliseconds(900), $"the delta left {(delta.At - full.At).TotalMilliseconds} ms after the previous send");
        Assert.Equal(((ClusterUpdate)full.Message!).Sequence + 1, message.Sequence);
    }

    [Fact]
    public async Task CurrentUpdate_ForAClientThatSawAGap_IsTheFullStateWithTheLastSequence()
    {
        await PrimeAsync(Poll("node-a", "a1"));
        _feed.Apply(Poll("node-b", "b1"));
        var delta = (ClusterDelta)(await NextAsync(TelemetryHub.DeltaMethod, after: 1)).Message!;

        var full = await _broadcaster.CurrentUpdateAsync();

        Assert.Equal(delta.Sequence, full.Sequence);
        Assert.Equal(["a1", "b1"], full.Vms.Select(v => v.Name));
        Assert.Equal(["node-a", "node-b"], full.Nodes.Select(n => n.Host));
    }

    private async Task StartAsync(int minSendIntervalMs)
    {
        _services = new ServiceCollection().BuildServiceProvider();
        var bus = new InProcessTelemetryBus(TimeProvider.System, Options.Create(new BusOptions()), NullLogger<InProcessTelemetryBus>.Instance);
        _feed = new ClusterFeed(bus, TimeProvider.System, NullLogger<ClusterFeed>.Instance);
        _broadcaster = new TelemetryBroadcaster(_feed, _hub, Options.Create(new TelemetryHubOptions { MinSendIntervalMs = minSendIntervalMs }),
            TimeProvider.System, NullLogger<TelemetryBroadcaster>.Instance, _services);
        await _broadcaster.StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// Applies the first poll until the broadcaster announces the full state: it starts watching the feed on
    /// a pool thread, so a poll applied before that is not a change it sees.
    /// </summary>
    private async Task<(string Method, object? Message, DateTimeOffset At)> PrimeAsync(HostPoll poll)
    {
        for (var attempt = 0; attempt < 10 && _hub.Sent.Count == 0; attempt++)
        {
            _feed.Apply(poll);
            await Eventually.TrueAsync(() => _hub.Sent.Count > 0, TimeSpan.FromSeconds(2));
        }

        var first = Assert.Single(_hub.Sent);
        Assert.Equal(TelemetryHub.ClusterMethod, first.Method);
        return first;
    }

    private async Task RestartAsync(int minSendIntervalMs)
    {
        await DisposeAsync();
        await StartAsync(minSendIntervalMs);
    }

    private async Task<(string Method, object? Message, DateTimeOffset At)> NextAsync(string method, int after)
    {
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(_hub.Sent.Skip(after).Any(s => s.Method == method)), Wait),
            $"no '{method}' message after the first {after}; sent: {string.Join(", ", _hub.Sent.Select(s => s.Method))}");
        return _hub.Sent.Skip(after).First(s => s.Method == method);
    }

    private static HostPoll Poll(string host, params string[] vms)
    {
        var at = DateTimeOffset.UtcNow;
        return new HostPoll
        {
            Host = new HostSample { Host = host, Uri = "test:///default", Cpus = 4, At = at },
            Vms = [.. vms.Select(name => new VmSample { Host = host, Uuid = $"uuid-{name}", Name = name, State = "running", At = at })],
            At = at,
        };
    }
}
