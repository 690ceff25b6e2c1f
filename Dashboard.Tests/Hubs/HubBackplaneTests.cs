using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace SdnDashboard.Tests.Hubs;

/// <summary>
/// Two real dashboard processes on one real Redis: a hub client on replica B hears the polls published on the
/// bus through the SignalR backplane from the lease holder A, once each; when A dies, B takes over.
/// </summary>
public sealed class HubBackplaneTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ViewerToken = "viewer-token-0123456789";
    private const int LeaseSeconds = 2;
    private readonly RedisServerFixture _redis = new();
    private readonly ConcurrentQueue<(string Method, JsonElement Message, DateTimeOffset At)> _received = new();
    private DashboardProcess? _a;
    private DashboardProcess? _b;
    private ConnectionMultiplexer _bus = default!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _bus = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
    }

    public async Task DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        _bus.Dispose();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task ClientOnReplicaB_GetsEachPollOnceFromTheLeaseHolder_AndKeepsGettingThemWhenTheHolderDies()
    {
        var bus = new RedisTelemetryBus(_bus, TimeProvider.System, NullLogger<RedisTelemetryBus>.Instance);
        _a = await DashboardProcess.StartAsync(Settings());
        // A alone sees the first polls, so A takes the broadcaster lease.
        var lease = _bus.GetDatabase();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await bus.PublishAsync(BusTopics.VmStats, Poll(DateTimeOffset.UtcNow));
            return await lease.KeyExistsAsync(BusKeys.Root + "lease:hub-broadcaster");
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(300)), $"replica A never took the broadcaster lease:\n{_a.Output}");
        var holder = (string?)await lease.StringGetAsync(BusKeys.Root + "lease:hub-broadcaster");
        _b = await DashboardProcess.StartAsync(Settings());
        await using var client = new HubConnectionBuilder()
            .WithUrl(new Uri(_b.BaseAddress, "hubs/telemetry"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(ViewerToken))
            .Build();
        client.On<JsonElement>("cluster", m => _received.Enqueue(("cluster", m, DateTimeOffset.UtcNow)));
        client.On<JsonElement>("delta", m => _received.Enqueue(("delta", m, DateTimeOffset.UtcNow)));
        await client.StartAsync();

        var beforeKill = new List<DateTimeOffset>();
        for (var i = 0; i < 6; i++)
        {
            beforeKill.Add(await PublishAsync(bus));
            await Task.Delay(400);
        }

        foreach (var at in beforeKill)
        {
            Assert.True(await Eventually.TrueAsync(() => DeltasCarrying(at) >= 1, TimeSpan.FromSeconds(15)), $"the client on B never got the poll of {at:O}");
        }

        await Task.Delay(1000);
        Assert.All(beforeKill, at => Assert.Equal(1, DeltasCarrying(at)));
        Assert.Equal(holder, (string?)await lease.StringGetAsync(BusKeys.Root + "lease:hub-broadcaster"));
        Assert.Single(_received, m => m.Method == "cluster"); // only B's own full state on connect

        var killed = Stopwatch.StartNew();
        await _a.DisposeAsync();
        _a = null;
        var takenOverAfter = TimeSpan.Zero;
        DateTimeOffset firstAfter = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var at = await PublishAsync(bus);
            await Task.Delay(300);
            if (DeltasCarrying(at) == 0 && !_received.Any(m => m.Method == "cluster" && Carries(m.Message, at)))
            {
                return false;
            }

            firstAfter = at;
            takenOverAfter = killed.Elapsed;
            return true;
        }, TimeSpan.FromSeconds(LeaseSeconds * 5)), $"replica B did not take over within {LeaseSeconds * 5} s:\n{_b.Output}");
        output.WriteLine($"B's client got a new poll {takenOverAfter.TotalMilliseconds:0} ms after A was killed (lease {LeaseSeconds} s)");
        Assert.True(takenOverAfter < TimeSpan.FromSeconds(LeaseSeconds + 2), $"takeover took {takenOverAfter.TotalMilliseconds:0} ms");

        var afterTakeover = await PublishAsync(bus);
        Assert.True(await Eventually.TrueAsync(() => DeltasCarrying(afterTakeover) >= 1, TimeSpan.FromSeconds(15)), "B's client stopped getting deltas after the takeover");
        var sequences = _received.Where(m => m.Method == "delta").Select(m => m.Message.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Distinct().Order(), sequences);
        Assert.True(firstAfter > beforeKill[^1]);
    }

    private int DeltasCarrying(DateTimeOffset at) => _received.Count(m => m.Method == "delta" && Carries(m.Message, at));

    private static bool Carries(JsonElement message, DateTimeOffset at) =>
        message.GetProperty("nodes").EnumerateArray().Any(n => n.GetProperty("host").GetString() == "bp-node" && n.GetProperty("at").GetDateTimeOffset() == at);

    private static async Task<DateTimeOffset> PublishAsync(RedisTelemetryBus bus)
    {
        // Whole milliseconds, so that the time survives the JSON round trip exactly.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await bus.PublishAsync(BusTopics.VmStats, Poll(at));
        return at;
    }

    private static HostPoll Poll(DateTimeOffset at) => new()
    {
        Host = new HostSample { Host = "bp-node", Uri = "test:///backplane", Cpus = 8, At = at },
        Vms = [.. Enumerable.Range(0, 3).Select(i => new VmSample { Host = "bp-node", Uuid = $"bp-vm-{i}", Name = $"bp-vm-{i}", State = "running", At = at })],
        At = at,
    };

    private Dictionary<string, string> Settings() => new()
    {
        ["Redis:Configuration"] = _redis.Configuration,
        ["Testbed:Enabled"] = "false",
        ["TelemetryHub:LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:ApiTokens:0:Name"] = "view",
        ["Auth:ApiTokens:0:Token"] = ViewerToken,
        ["Auth:ApiTokens:0:Role"] = "Viewer",
    };
}
