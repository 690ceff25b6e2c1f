using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Collectors.Sflow;
using SdnDashboard.Core.Bus;
using SdnDashboard.Tests.Infrastructure;
using SdnDashboard.Core.Net;
using SdnDashboard.Core.Packets;
using SdnDashboard.Core.Sflow;
using SdnDashboard.Core.Telemetry;

namespace SdnDashboard.Tests.Sflow;

/// <summary>The collector host on real loopback UDP, publishing to the in-process bus.</summary>
public sealed class SflowCollectorServiceTests
{
    internal static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddTelemetryBus(builder.Configuration);
        builder.Services.AddSflowCollector(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task Collector_DatagramsOverLoopback_PublishesVmTrafficBatchesAndLatestKeys()
    {
        using var host = BuildHost(new()
        {
            ["Sflow:ListenAddress"] = "127.0.0.1",
            ["Sflow:Port"] = "0",
            ["Sflow:IntervalSeconds"] = "0.2",
            ["Sflow:Vms:0:Name"] = "web-1",
            ["Sflow:Vms:0:Mac"] = SflowTestDatagrams.Vm1.ToString(),
        });
        await host.StartAsync();
        try
        {
            var bus = host.Services.GetRequiredService<ITelemetryBus>();
            var batches = Channel.CreateUnbounded<TrafficBatch>();
            await using var subscription = await bus.SubscribeAsync(BusTopics.Traffic, (b, _) => batches.Writer.WriteAsync(b));
            var endpoint = await host.Services.GetRequiredService<SflowCollectorService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));

            var frame = PacketBuilder.BuildFrame(SflowTestDatagrams.Vm1, SflowTestDatagrams.Vm2, IpAddressValue.Parse("10.0.0.1"),
                IpAddressValue.Parse("10.0.0.2"), IpProtocols.Udp, 5000, 6000, 458); // 500-byte frame
            var datagram = SflowDatagramEncoder.Encode(new SflowDatagram
            {
                AgentAddress = IpAddressValue.Parse("127.0.0.1"),
                SequenceNumber = 1,
                Samples = [new SflowFlowSample { SequenceNumber = 1, SamplingRate = 10, Records = [new SflowRawPacketHeader { FrameLength = 504, Stripped = 4, Header = frame }] }],
            });
            using var client = new UdpClient(AddressFamily.InterNetwork);
            await client.SendAsync(datagram, endpoint);
            await client.SendAsync(new byte[] { 0, 0, 0, 5, 9, 9 }, endpoint); // garbage: counted, dropped

            TrafficBatch? seen = null;
            var malformed = 0L;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await foreach (var batch in batches.Reader.ReadAllAsync(timeout.Token))
            {
                malformed += batch.MalformedDatagrams;
                if (batch.Samples > 0)
                {
                    seen = batch;
                }

                if (seen is not null && malformed > 0)
                {
                    break;
                }
            }

            var vm = Assert.Single(seen!.Vms);
            Assert.Equal("web-1", vm.VmName);
            Assert.Equal(5000, vm.BytesOut);
            Assert.Equal(10, vm.PacketsOut);
            Assert.Equal(1, malformed);
            var flow = Assert.Single(seen.TopFlows);
            Assert.Equal(17, flow.Protocol);
            Assert.Equal(6000, flow.DstPort);

            // The latest-state key is written beside the batch's publish, not before it: wait for it.
            VmTraffic? latest = null;
            Assert.True(await Eventually.TrueAsync(async () =>
            {
                latest = await bus.GetLatestAsync(BusTopics.LatestTraffic, SflowTestDatagrams.Vm1.ToString());
                return latest is not null;
            }, TimeSpan.FromSeconds(10)), "the latest traffic key of web-1 was never written");
            Assert.Equal("web-1", latest!.VmName);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Collector_VmsFromLibvirtOnTheBus_NameTheTraffic()
    {
        using var host = BuildHost(new() { ["Sflow:ListenAddress"] = "127.0.0.1", ["Sflow:Port"] = "0", ["Sflow:IntervalSeconds"] = "0.2" });
        var bus = host.Services.GetRequiredService<ITelemetryBus>();
        await bus.SetLatestAsync(BusTopics.LatestVm, [KeyValuePair.Create("uuid-1", new VmSample
        {
            Host = "compute-1", Uuid = "uuid-1", Name = "db-1", State = "running",
            Interfaces = [new VmInterfaceSample { Target = "tap1", Mac = SflowTestDatagrams.Vm2.ToString() }],
        })], TimeSpan.FromMinutes(1));
        await host.StartAsync();
        try
        {
            var batches = Channel.CreateUnbounded<TrafficBatch>();
            await using var subscription = await bus.SubscribeAsync(BusTopics.Traffic, (b, _) => batches.Writer.WriteAsync(b));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var batch = await batches.Reader.ReadAsync(timeout.Token);
            var vm = Assert.Single(batch.Vms);
            Assert.Equal("db-1", vm.VmName);
            Assert.Equal(SflowTestDatagrams.Vm2.ToString(), vm.Mac);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Options_BadValues_FailStartWithMessagesNamingTheKeys()
    {
        using var host = BuildHost(new()
        {
            ["Sflow:Port"] = "70000",
            ["Sflow:IntervalSeconds"] = "0",
            ["Sflow:Vms:0:Name"] = "x",
            ["Sflow:Vms:0:Mac"] = "nope",
            ["Sflow:AllowedAgents:0"] = "not-an-ip",
        });
        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SflowOptions>>().Value);
        Assert.Contains("Sflow:Port is 70000; allowed 1-65535", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sflow:IntervalSeconds is 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sflow:Vms:0:Mac 'nope'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sflow:AllowedAgents:0 'not-an-ip'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collector_PortAlreadyTaken_StaysOffWithoutStoppingTheHost()
    {
        using var holder = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)holder.Client.LocalEndPoint!).Port;
        using var host = BuildHost(new() { ["Sflow:ListenAddress"] = "127.0.0.1", ["Sflow:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<SflowCollectorService>();
            await Assert.ThrowsAsync<SocketException>(() => service.Listening.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
