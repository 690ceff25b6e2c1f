using System.Collections.Concurrent;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Serialization;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Bus;

/// <summary>
/// What every <see cref="ITelemetryBus"/> must do; each implementation runs this same suite. Each test uses
/// its own channel and key prefix so that tests sharing one Redis cannot see each other's data.
/// </summary>
public abstract class TelemetryBusContract
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly string _scope = $"sdn:test:{Guid.NewGuid():N}:";

    protected abstract ITelemetryBus Bus { get; }

    protected BusTopic<HostPoll> Topic => new(_scope + "events:vm-stats", BusJsonContext.Default.HostPoll);

    protected LatestStateKind<VmSample> Kind => new(_scope + "latest:vm:", BusJsonContext.Default.VmSample);

    [Fact]
    public async Task Publish_ReachesEverySubscriberInOrder()
    {
        var first = new ConcurrentQueue<string>();
        var second = new ConcurrentQueue<string>();
        await using var a = await Bus.SubscribeAsync(Topic, (m, _) => { first.Enqueue(m.Host.Host); return ValueTask.CompletedTask; });
        await using var b = await Bus.SubscribeAsync(Topic, (m, _) => { second.Enqueue(m.Host.Host); return ValueTask.CompletedTask; });

        for (var i = 0; i < 20; i++)
        {
            Assert.True(await Bus.PublishAsync(Topic, Poll($"node{i}")));
        }

        Assert.True(await Eventually.TrueAsync(() => first.Count == 20 && second.Count == 20, Wait),
            $"delivered {first.Count} and {second.Count} of 20");
        var expected = Enumerable.Range(0, 20).Select(i => $"node{i}").ToArray();
        Assert.Equal(expected, first.ToArray());
        Assert.Equal(expected, second.ToArray());
    }

    [Fact]
    public async Task Publish_CarriesEveryFieldOfTheContract()
    {
        var received = new TaskCompletionSource<HostPoll>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var sub = await Bus.SubscribeAsync(Topic, (m, _) => { received.TrySetResult(m); return ValueTask.CompletedTask; });
        var sent = Poll("compute1") with
        {
            Vms = [Vm("u1", "web-1") with { Nova = new NovaInstanceInfo { InstanceName = "instance-00000001", ProjectName = "demo" } }],
        };

        await Bus.PublishAsync(Topic, sent);
        var got = await received.Task.WaitAsync(Wait);

        Assert.Equal(sent.Host, got.Host);
        var vm = Assert.Single(got.Vms);
        Assert.Equal(sent.Vms[0].Nova, vm.Nova);
        Assert.Equal(sent.Vms[0].Interfaces.Single(), vm.Interfaces.Single());
        Assert.Equal(1, vm.V);
    }

    [Fact]
    public async Task DisposedSubscription_GetsNoMoreMessages()
    {
        var count = 0;
        var sub = await Bus.SubscribeAsync(Topic, (_, _) => { Interlocked.Increment(ref count); return ValueTask.CompletedTask; });
        await Bus.PublishAsync(Topic, Poll("a"));
        Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref count) == 1, Wait));

        await sub.DisposeAsync();
        await Bus.PublishAsync(Topic, Poll("b"));
        await Task.Delay(300);

        Assert.Equal(1, Volatile.Read(ref count));
    }

    [Fact]
    public async Task HandlerThatThrows_KeepsItsSubscription()
    {
        var seen = new ConcurrentQueue<string>();
        await using var sub = await Bus.SubscribeAsync(Topic, (m, _) =>
        {
            seen.Enqueue(m.Host.Host);
            return m.Host.Host == "bad" ? throw new InvalidOperationException("boom") : ValueTask.CompletedTask;
        });

        await Bus.PublishAsync(Topic, Poll("bad"));
        await Bus.PublishAsync(Topic, Poll("good"));

        Assert.True(await Eventually.TrueAsync(() => seen.Contains("good"), Wait));
        Assert.True(Bus.Statistics.HandlerFailures >= 1);
    }

    [Fact]
    public async Task SetLatest_ThenGet_ReturnsEachObjectById()
    {
        Assert.True(await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("u1", Vm("u1", "web-1")), KeyValuePair.Create("u2", Vm("u2", "web-2"))],
            TimeSpan.FromMinutes(1)));

        Assert.Equal("web-1", (await Bus.GetLatestAsync(Kind, "u1"))?.Name);
        var all = await Bus.GetAllLatestAsync(Kind);
        Assert.Equal(["u1", "u2"], all.Keys.Order().ToArray());
        Assert.Equal("web-2", all["u2"].Name);
        Assert.Null(await Bus.GetLatestAsync(Kind, "missing"));
    }

    [Fact]
    public async Task SetLatest_Again_ReplacesTheValue()
    {
        await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("u1", Vm("u1", "old"))], TimeSpan.FromMinutes(1));
        await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("u1", Vm("u1", "new"))], TimeSpan.FromMinutes(1));

        Assert.Equal("new", (await Bus.GetLatestAsync(Kind, "u1"))?.Name);
        Assert.Single(await Bus.GetAllLatestAsync(Kind));
    }

    [Fact]
    public async Task Latest_DropsOutAfterItsTtl()
    {
        await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("short", Vm("short", "s"))], TimeSpan.FromMilliseconds(300));
        await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("long", Vm("long", "l"))], TimeSpan.FromMinutes(1));
        Assert.NotNull(await Bus.GetLatestAsync(Kind, "short"));

        Assert.True(await Eventually.TrueAsync(async () => await Bus.GetLatestAsync(Kind, "short") is null, Wait));
        Assert.Equal(["long"], (await Bus.GetAllLatestAsync(Kind)).Keys.ToArray());
    }

    [Fact]
    public async Task RemoveLatest_DeletesAtOnce()
    {
        await Bus.SetLatestAsync(Kind, [KeyValuePair.Create("u1", Vm("u1", "web-1"))], TimeSpan.FromMinutes(1));

        Assert.True(await Bus.RemoveLatestAsync(Kind, "u1"));
        Assert.Null(await Bus.GetLatestAsync(Kind, "u1"));
        Assert.False(await Bus.RemoveLatestAsync(Kind, "u1"));
    }

    protected static HostPoll Poll(string host) => new()
    {
        Host = new HostSample { Host = host, Uri = "test:///default", Cpus = 16, MemoryKiB = 8_388_608, At = DateTimeOffset.UnixEpoch },
        At = DateTimeOffset.UnixEpoch,
    };

    protected static VmSample Vm(string uuid, string name) => new()
    {
        Host = "compute1",
        Uuid = uuid,
        Name = name,
        State = "running",
        Vcpus = 2,
        CpuPercent = 12.5,
        Interfaces = [new VmInterfaceSample { Target = "vnet0", Mac = "52:54:00:00:01:01", Bridge = "br-int", RxBytes = 1234, TxBytes = 5678 }],
        At = DateTimeOffset.UnixEpoch,
    };
}
