using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;

namespace SdnDashboard.Tests.Bus;

public sealed class InProcessTelemetryBusTests : TelemetryBusContract, IAsyncLifetime
{
    private readonly InProcessTelemetryBus _bus = new(
        TimeProvider.System, Options.Create(new BusOptions()), NullLogger<InProcessTelemetryBus>.Instance);

    protected override ITelemetryBus Bus => _bus;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task SlowSubscriber_LosesItsOwnOldestMessages_AndNeverBlocksThePublisher()
    {
        await using var bus = new InProcessTelemetryBus(
            TimeProvider.System, Options.Create(new BusOptions { SubscriberQueueLength = 4 }), NullLogger<InProcessTelemetryBus>.Instance);
        var release = new TaskCompletionSource();
        var seen = new List<string>();
        await using var slow = await bus.SubscribeAsync(Topic, async (m, _) =>
        {
            await release.Task;
            lock (seen)
            {
                seen.Add(m.Host.Host);
            }
        });

        var publish = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await bus.PublishAsync(Topic, Poll($"n{i}"));
            }
        });
        var finished = await Task.WhenAny(publish, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.True(finished == publish, "publisher was blocked by a slow subscriber");
        release.SetResult();

        await Task.Delay(300);
        lock (seen)
        {
            Assert.Contains("n99", seen);
            Assert.True(seen.Count <= 6, $"slow subscriber got {seen.Count} messages; its queue holds 4");
        }
    }
}
