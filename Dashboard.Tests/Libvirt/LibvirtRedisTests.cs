using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Collectors.Libvirt;
using StackExchange.Redis;

namespace SdnDashboard.Tests.Libvirt;

/// <summary>The collector publishing the testbed into a real redis-server, read back with plain Redis commands.</summary>
public class LibvirtRedisTests
{
    [Fact]
    public async Task Testbed_PublishesBatchesAndLatestJsonWithTtlIntoRedis()
    {
        using var redisServer = await RedisServerProcess.StartAsync();
        using var redis = BusServiceCollectionExtensions.ConnectRedis(
            new RedisOptions { Configuration = redisServer.Configuration }, NullLoggerFactory.Instance);
        using var bus = new RedisTelemetryBus(redis, TimeProvider.System, NullLogger<RedisTelemetryBus>.Instance);
        var batches = new List<string>();
        var channel = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal("sdn:events:vm-stats"));
        channel.OnMessage(m =>
        {
            lock (batches)
            {
                batches.Add(m.Message!);
            }
        });

        var options = CollectorHarness.FastOptions([.. LibvirtTestbed.Uris(AppContext.BaseDirectory)]);
        options.TtlPolls = 25;
        await using var collector = await CollectorHarness.StartAsync(options, bus);
        await CollectorHarness.EventuallyAsync(() =>
        {
            lock (batches)
            {
                return batches.Count >= 4;
            }
        }, "vm-stats batches on the Redis channel");

        var db = redis.GetDatabase();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var vmKeys = server.Keys(pattern: "sdn:latest:vm:*").ToList();
        Assert.Equal(6, vmKeys.Count);
        foreach (var key in vmKeys)
        {
            var ttl = await db.KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl);
            Assert.InRange(ttl.Value, TimeSpan.Zero, options.Ttl);
            using var vm = JsonDocument.Parse((string)(await db.StringGetAsync(key))!);
            Assert.Equal(((string)key!)["sdn:latest:vm:".Length..], vm.RootElement.GetProperty("uuid").GetString());
            Assert.Equal(1, vm.RootElement.GetProperty("v").GetInt32());
        }

        Assert.Equal(["sdn:latest:host:compute1", "sdn:latest:host:compute2"], server.Keys(pattern: "sdn:latest:host:*").Select(k => (string)k!).Order());
        string first;
        lock (batches)
        {
            first = batches[0];
        }

        using var batch = JsonDocument.Parse(first);
        Assert.Equal(3, batch.RootElement.GetProperty("vms").GetArrayLength());
        Assert.StartsWith("compute", batch.RootElement.GetProperty("host").GetProperty("host").GetString(), StringComparison.Ordinal);
    }
}
