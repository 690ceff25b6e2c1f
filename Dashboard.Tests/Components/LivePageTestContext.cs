using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Live;

namespace SdnDashboard.Tests.Components;

/// <summary>A bUnit context with MudBlazor and a real <see cref="ClusterFeed"/> that tests push polls into.</summary>
public abstract class LivePageTestContext : BunitContext, IAsyncLifetime
{
    protected LivePageTestContext()
    {
        // The shared 2-core machine can be slow; live updates render at most 10 times a second on top of that.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new SdnDashboard.Core.Balancing.BalancerState(new SdnDashboard.Core.Balancing.BalancerSettings(), []));
        var bus = new InProcessTelemetryBus(TimeProvider.System, Options.Create(new BusOptions()), NullLogger<InProcessTelemetryBus>.Instance);
        Services.AddSingleton<ITelemetryBus>(bus);
        Feed = new ClusterFeed(bus, TimeProvider.System, NullLogger<ClusterFeed>.Instance);
        Services.AddSingleton(Feed);
        Traffic = new TrafficFeed(bus, TimeProvider.System);
        Services.AddSingleton(Traffic);
    }

    protected TrafficFeed Traffic { get; }

    protected ClusterFeed Feed { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected static VmSample Vm(string host, string name, string state = "running", double cpu = 0, double rx = 0) => new()
    {
        Host = host,
        Uuid = $"uuid-{name}",
        Name = name,
        State = state,
        Vcpus = 2,
        CpuPercent = cpu,
        MemoryKiB = 2_097_152,
        MaxMemoryKiB = 2_097_152,
        NetRxBytesPerSec = rx,
        Interfaces = [new VmInterfaceSample { Target = $"tap-{name}", Mac = "52:54:00:00:01:01", Bridge = "br-int", RxBytes = 1000 }],
        Disks = [new VmDiskSample { Target = "vda", CapacityBytes = 10_000_000_000 }],
        Nova = new NovaInstanceInfo { InstanceName = $"instance-{name}", ProjectName = "demo", Flavor = "m1.small" },
        At = DateTimeOffset.UtcNow,
    };

    protected static HostPoll Poll(string host, params VmSample[] vms) => new()
    {
        Host = new HostSample
        {
            Host = host, Uri = "test:///x", CpuModel = "x86_64", Cpus = 16, MemoryKiB = 32_000_000, FreeMemoryKiB = 16_000_000,
            VcpusUsed = vms.Where(v => v.State == "running").Sum(v => v.Vcpus), At = DateTimeOffset.UtcNow,
        },
        Vms = vms,
        At = DateTimeOffset.UtcNow,
    };
}
