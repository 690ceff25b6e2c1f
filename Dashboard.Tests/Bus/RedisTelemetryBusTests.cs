using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Tests.Infrastructure;
using StackExchange.Redis;

namespace SdnDashboard.Tests.Bus;

/// <summary>The bus contract on a real redis-server, plus what only a network bus can get wrong.</summary>
public sealed class RedisTelemetryBusTests : TelemetryBusContract, IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisServerFixture _redis;
    private readonly ListLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private ConnectionMultiplexer? _mux;
    private RedisTelemetryBus? _bus;

    public RedisTelemetryBusTests(RedisServerFixture redis)
    {
        _redis = redis;
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
    }

    protected override ITelemetryBus Bus => _bus!;

    public async Task InitializeAsync()
    {
        _mux = BusServiceCollectionExtensions.ConnectRedis(new RedisOptions { Configuration = _redis.Configuration }, NullLoggerFactory.Instance);
        _bus = new RedisTelemetryBus(_mux, TimeProvider.System, _loggers.CreateLogger<RedisTelemetryBus>());
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _bus?.Dispose();
        if (_mux is not null)
        {
            await _mux.DisposeAsync();
        }

        _loggers.Dispose();
    }

    [Fact]
    public async Task LatestState_IsJsonWithVersionAndTtl_UnderTheSdnPrefix()
    {
        await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("u1", Vm("u1", "web-1"))], TimeSpan.FromSeconds(30));

        var db = _mux!.GetDatabase();
        var key = Kind.KeyOf("u1");
        var raw = (string?)await db.StringGetAsync(key);
        var ttl = await db.KeyTimeToLiveAsync(key);

        Assert.StartsWith("sdn:", key, StringComparison.Ordinal);
        Assert.NotNull(raw);
        Assert.StartsWith("{\"v\":1,", raw, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"web-1\"", raw, StringComparison.Ordinal);
        Assert.InRange(ttl!.Value.TotalSeconds, 25, 30);
    }

    [Fact]
    public async Task MalformedMessageOnTheChannel_IsCountedAndDropped_AndTheSubscriptionGoesOn()
    {
        var seen = new List<string>();
        await using var sub = await Bus.SubscribeAsync(Topic, (m, _) => { lock (seen) { seen.Add(m.Host.Host); } return ValueTask.CompletedTask; });
        var publisher = _mux!.GetSubscriber();

        await publisher.PublishAsync(RedisChannel.Literal(Topic.Channel), Encoding.UTF8.GetBytes("{not json"));
        await publisher.PublishAsync(RedisChannel.Literal(Topic.Channel), Encoding.UTF8.GetBytes("{\"v\":1,\"host\":42}"));
        await Bus.PublishAsync(Topic, Poll("after-garbage"));

        Assert.True(await Eventually.TrueAsync(() => { lock (seen) { return seen.Contains("after-garbage"); } }, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, Bus.Statistics.MalformedMessages);
        Assert.True(_logs.Contains(LogLevel.Warning, "malformed"), "the drop was not logged");
    }

    [Fact]
    public async Task RedisKilledAndRestarted_PublishingResumesWithoutRestart_AndTheLossIsLoggedNotThrown()
    {
        var seen = new List<string>();
        await using var sub = await Bus.SubscribeAsync(Topic, (m, _) => { lock (seen) { seen.Add(m.Host.Host); } return ValueTask.CompletedTask; });
        Assert.True(await Bus.PublishAsync(Topic, Poll("before")));
        Assert.True(await Eventually.TrueAsync(() => { lock (seen) { return seen.Contains("before"); } }, TimeSpan.FromSeconds(5)));

        _redis.Stop();
        var outage = new List<bool>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                outage.Add(await Bus.PublishAsync(Topic, Poll($"during{i}")));
                outage.Add(await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("u1", Vm("u1", "x"))], TimeSpan.FromMinutes(1)));
                await Task.Delay(100);
            }
        }
        finally
        {
            await _redis.StartAsync();
        }

        Assert.Contains(false, outage);
        Assert.True(Bus.Statistics.PublishFailures + Bus.Statistics.WriteFailures > 0);
        Assert.True(_logs.Contains(LogLevel.Warning, "Redis unavailable"), "the loss was not reported in the log");

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await Bus.PublishAsync(Topic, Poll("after"));
            lock (seen)
            {
                return seen.Contains("after");
            }
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250)), "publishing did not resume after Redis came back");
        Assert.True(await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("u1", Vm("u1", "back"))], TimeSpan.FromMinutes(1)));
        Assert.Equal("back", (await Bus.GetLatestAsync(Kind, "u1"))?.Name);
    }
}
