using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Control;
using SdnDashboard.Core.Control.Apps;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Dashboard.Balancer;

namespace SdnDashboard.Tests.Balancing;

public class BalancerHostingTests
{
    private static readonly Dictionary<string, string?> WebService = new()
    {
        ["Balancer:FlowIdleTimeoutSeconds"] = "20",
        ["Balancer:Services:0:Name"] = "web",
        ["Balancer:Services:0:VirtualIp"] = "10.0.0.100",
        ["Balancer:Services:0:VirtualMac"] = "02:00:00:00:01:00",
        ["Balancer:Services:0:Port"] = "80",
        ["Balancer:Services:0:Algorithm"] = "LeastLoad",
        ["Balancer:Services:0:Affinity:Mode"] = "SourceIp",
        ["Balancer:Services:0:Affinity:IdleTimeoutSeconds"] = "600",
        ["Balancer:Services:0:Members:0:Name"] = "m1",
        ["Balancer:Services:0:Members:0:Mac"] = "52:54:00:00:00:01",
        ["Balancer:Services:0:Members:0:Ip"] = "10.0.0.11",
        ["Balancer:Services:0:Members:0:Weight"] = "3",
        ["Balancer:Services:0:Members:0:VmName"] = "instance-00000001",
        ["Balancer:Services:0:Members:1:Name"] = "m2",
        ["Balancer:Services:0:Members:1:Mac"] = "52:54:00:00:00:02",
        ["Balancer:Services:0:Members:1:Ip"] = "10.0.0.12",
    };

    [Fact]
    public async Task AddBalancer_BindsTheServices_AndRegistersBothAppsInPipelineOrder()
    {
        using var host = Build(WebService);
        await host.StartAsync();
        try
        {
            var state = host.Services.GetRequiredService<BalancerState>();
            var service = Assert.Single(state.Services);
            Assert.Equal("LeastLoad", service.Algorithm);
            Assert.Equal(80, service.Port);
            Assert.Equal("SourceIp", service.Affinity.Mode);
            Assert.Equal(600, service.Affinity.IdleTimeoutSeconds);
            Assert.Equal(["m1", "m2"], service.Members.Select(m => m.Name));
            Assert.Equal(3, service.Members[0].Weight);
            Assert.Equal(1, service.Members[1].Weight);
            Assert.Null(service.Members[1].VmName);
            Assert.Equal(20, state.Settings.FlowIdleTimeoutSeconds);

            var pipeline = new ControllerPipeline(host.Services.GetServices<IControllerApp>());
            Assert.IsType<LoadBalancerApp>(pipeline.Apps[0]);
            Assert.IsType<LearningSwitchApp>(pipeline.Apps[1]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task BadServiceDefinition_StopsStartUp_NamingTheKey()
    {
        var settings = new Dictionary<string, string?>(WebService)
        {
            ["Balancer:Services:0:Members:1:Mac"] = "zz",
            ["Balancer:Services:0:Members:1:Weight"] = "0",
            ["Balancer:ProbeIntervalSeconds"] = "0",
        };
        using var host = Build(settings);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(ex.Failures, f => f.StartsWith("Balancer:Services:0:Members:1:Mac 'zz' is not a MAC address", StringComparison.Ordinal));
        Assert.Contains("Balancer:Services:0:Members:1:Weight is 0; allowed 1-1000", ex.Failures);
        Assert.Contains("Balancer:ProbeIntervalSeconds is 0; allowed 1-3600", ex.Failures);
    }

    [Fact]
    public async Task LoadFeed_TakesTheLatestStateAtStart_ThenEveryPollFromTheBus()
    {
        using var host = Build(WebService);
        var bus = host.Services.GetRequiredService<ITelemetryBus>();
        var now = DateTimeOffset.UtcNow;
        await bus.SetLatestAsync(BusTopics.LatestVm, [KeyValuePair.Create("u1", Vm(now, cpu: 12, state: "running"))], TimeSpan.FromMinutes(1));
        await host.StartAsync();
        try
        {
            var state = host.Services.GetRequiredService<BalancerState>();
            var load = await WaitForLoad(state, l => l.CpuPercent == 12);
            Assert.Equal(50, load.MemoryPercent);
            Assert.Equal(3000, load.NetBytesPerSec);

            var host1 = new HostSample { Host = "compute1", Uri = "test:///default", At = now };
            await bus.PublishAsync(BusTopics.VmStats, new HostPoll { Host = host1, Vms = [Vm(now.AddSeconds(5), cpu: 77, state: "paused")], At = now });
            load = await WaitForLoad(state, l => l.CpuPercent == 77);
            Assert.Equal("paused", load.VmState);
            Assert.Equal("VM paused", state.Snapshot(now.AddSeconds(5)).Single().Members[0].Reason);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Mapper_LeavesMemoryUnknown_WhenTheGuestDoesNotReportIt()
    {
        var sample = Vm(DateTimeOffset.UnixEpoch, cpu: 5, state: "running") with { MemoryUsedKiB = null };
        Assert.Null(MemberLoadMapper.ToMemberLoad(sample).MemoryPercent);
    }

    private static VmSample Vm(DateTimeOffset at, double cpu, string state) => new()
    {
        Host = "compute1",
        Uuid = "u1",
        Name = "instance-00000001",
        State = state,
        CpuPercent = cpu,
        MaxMemoryKiB = 2_097_152,
        MemoryUsedKiB = 1_048_576,
        NetRxBytesPerSec = 1000,
        NetTxBytesPerSec = 2000,
        At = at,
    };

    private static async Task<MemberLoad> WaitForLoad(BalancerState state, Func<MemberLoad, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (state.Snapshot(DateTimeOffset.UtcNow).Single().Members[0].Load is { } load && condition(load))
            {
                return load;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The balancer never received the expected load from the bus.");
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddTelemetryBus(builder.Configuration);
        builder.Services.AddBalancer(builder.Configuration);
        return builder.Build();
    }
}
