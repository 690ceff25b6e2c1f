using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Api;

/// <summary>
/// The read side of <c>/api/v1</c> on one real dashboard with a real Redis: the shapes scripts depend on, from
/// the first-run testbed and from an sFlow batch published on Redis as a compute node's collector would.
/// </summary>
public sealed class ApiReadTests(RedisDashboardFixture dashboard) : IClassFixture<RedisDashboardFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task TrafficHourly_RowsAreHourStartVmRxTxSource_FromLibvirtAndSflow_ForAnyDate()
    {
        using var http = dashboard.Client(RedisDashboardFixture.ViewerToken);
        var now = DateTimeOffset.UtcNow;
        await PublishSflowAsync("vm-from-sflow", bytesIn: 4_000, bytesOut: 1_000);
        var today = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = await GetWhenAsync(http, $"api/v1/traffic/hourly?date={today}", reply =>
        {
            var sources = reply.EnumerateArray().Select(r => r.GetProperty("source").GetString()).ToHashSet();
            return sources.Contains("libvirt") && sources.Contains("sflow");
        }, $"no libvirt and sflow rows for {today}");

        foreach (var row in rows.EnumerateArray())
        {
            var hourStart = DateTimeOffset.Parse(row.GetProperty("hourStart").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.Zero, hourStart.Offset);
            Assert.Equal(0, hourStart.Minute + hourStart.Second + hourStart.Millisecond);
            Assert.Equal(today, hourStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.False(string.IsNullOrEmpty(row.GetProperty("vm").GetString()));
            Assert.True(row.GetProperty("rxBytes").GetInt64() >= 0);
            Assert.True(row.GetProperty("txBytes").GetInt64() >= 0);
        }

        var sflow = rows.EnumerateArray().Single(r => r.GetProperty("vm").GetString() == "vm-from-sflow");
        Assert.Equal("sflow", sflow.GetProperty("source").GetString());
        Assert.Equal(4_000, sflow.GetProperty("rxBytes").GetInt64());
        Assert.Equal(1_000, sflow.GetProperty("txBytes").GetInt64());
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("vm").GetString() == "instance-00000001" && r.GetProperty("source").GetString() == "libvirt");

        var withoutDate = await http.GetFromJsonAsync<JsonElement>("api/v1/traffic/hourly");
        Assert.Contains(withoutDate.EnumerateArray(), r => r.GetProperty("vm").GetString() == "vm-from-sflow");
        Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>("api/v1/traffic/hourly?date=2001-01-01")).GetArrayLength());
        using var bad = await http.GetAsync(new Uri("api/v1/traffic/hourly?date=28.11.2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("YYYY-MM-DD", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("date")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlowsTop_ListsTheSflowFlowsByRate_AndCountLimitsThem()
    {
        using var http = dashboard.Client(RedisDashboardFixture.ViewerToken);
        await PublishSflowAsync("vm-top", bytesIn: 10, bytesOut: 10);

        var top = await GetWhenAsync(http, "api/v1/flows/top?count=1", reply => reply.GetArrayLength() == 1, "flows/top never held one flow");

        var flow = top[0];
        Assert.Equal("10.0.0.11", flow.GetProperty("srcIp").GetString());
        Assert.Equal("10.0.0.50", flow.GetProperty("dstIp").GetString());
        Assert.Equal(80, flow.GetProperty("srcPort").GetInt32());
        Assert.Equal(9_000, flow.GetProperty("bytesPerSec").GetDouble());
    }

    [Fact]
    public async Task Switches_AndTheirFlows_ShowTheDemoSwitch_WithTheBalancersDecisions()
    {
        using var http = dashboard.Client(RedisDashboardFixture.ViewerToken);
        var switches = await GetWhenAsync(
            http,
            "api/v1/switches",
            reply => reply.GetArrayLength() == 1 && reply[0].GetProperty("connected").GetBoolean() && reply[0].GetProperty("flows").GetInt32() > 0,
            "the demo switch never reported flows");
        var dpid = switches[0].GetProperty("dpid").GetString()!;
        Assert.Equal("000000000000de30", dpid);
        Assert.Equal(4, switches[0].GetProperty("version").GetInt32());

        // The table-miss flow is held from the start; the balancer's flows come with the first clients.
        await GetWhenAsync(
            http,
            $"api/v1/switches/{dpid}/flows",
            reply => reply.EnumerateArray().Any(f => f.GetProperty("cookie").GetString()!.StartsWith("0xb1", StringComparison.Ordinal)
                                                     && f.GetProperty("match").GetString()!.Contains("nw_dst=10.0.0.100", StringComparison.Ordinal)),
            "no balancer flow for the service's address on the switch");
        using var unknown = await http.GetAsync(new Uri("api/v1/switches/00000000000000ff/flows", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Affinity_ListsEachClientWithItsMemberCookieAndDecidingAlgorithm()
    {
        using var http = dashboard.Client(RedisDashboardFixture.ViewerToken);
        var affinity = await GetWhenAsync(http, "api/v1/balancer/affinity", reply => reply.GetArrayLength() >= 2, "no clients were balanced");

        Assert.All(affinity.EnumerateArray(), a =>
        {
            Assert.Equal("web", a.GetProperty("service").GetString());
            Assert.StartsWith("web-", a.GetProperty("member").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("0xb1", a.GetProperty("cookie").GetString(), StringComparison.Ordinal);
            Assert.Equal("RoundRobin", a.GetProperty("algorithm").GetString());
        });
    }

    [Fact]
    public async Task Events_ListSystemEvents_NewestFirst_AndFilterByCategoryAndKind()
    {
        using var http = dashboard.Client(RedisDashboardFixture.ViewerToken);
        var events = await GetWhenAsync(http, "api/v1/events?category=system&kind=switch.up", reply => reply.GetArrayLength() >= 1, "no switch.up event");

        Assert.All(events.EnumerateArray(), e => Assert.Equal("switch.up", e.GetProperty("kind").GetString()));
        var all = await http.GetFromJsonAsync<JsonElement>("api/v1/events?limit=50");
        // Newest first in the order they were recorded (the id); events recorded at once may carry times a few ms apart.
        var ids = all.EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderByDescending(t => t), ids);
        Assert.Contains(all.EnumerateArray(), e => e.GetProperty("kind").GetString() == "libvirt.up");
        var system = await http.GetFromJsonAsync<JsonElement>("api/v1/events?category=system");
        Assert.All(system.EnumerateArray(), e => Assert.Equal("system", e.GetProperty("category").GetString()));
    }

    /// <summary>Reads <paramref name="url"/> until <paramref name="until"/> holds; fails naming what never came, with the last reply.</summary>
    private static async Task<JsonElement> GetWhenAsync(HttpClient http, string url, Func<JsonElement, bool> until, string awaited)
    {
        JsonElement reply = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            reply = await http.GetFromJsonAsync<JsonElement>(url);
            return until(reply);
        }, Patience, TimeSpan.FromMilliseconds(500)), $"{awaited}: {reply}");
        return reply;
    }

    /// <summary>One sFlow interval as a compute node's collector publishes it on Redis.</summary>
    private async Task PublishSflowAsync(string vm, long bytesIn, long bytesOut)
    {
        await using var mux = BusServiceCollectionExtensions.ConnectRedis(new RedisOptions { Configuration = dashboard.Redis.Configuration }, NullLoggerFactory.Instance);
        using var bus = new RedisTelemetryBus(mux, TimeProvider.System, NullLogger<RedisTelemetryBus>.Instance);
        var now = DateTimeOffset.UtcNow;
        Assert.True(await bus.PublishAsync(BusTopics.Traffic, new TrafficBatch
        {
            Collector = $"compute-test-{vm}",
            IntervalStart = now.AddSeconds(-1),
            IntervalSeconds = 1,
            Vms = [new VmTraffic { Mac = "52:54:00:99:00:01", VmName = vm, BytesIn = bytesIn, BytesOut = bytesOut, IntervalSeconds = 1, At = now }],
            TopFlows =
            [
                new FlowRate { SrcIp = "10.0.0.11", DstIp = "10.0.0.50", Protocol = 6, SrcPort = 80, DstPort = 40000, Bytes = 9_000, Packets = 6, BytesPerSec = 9_000 },
                new FlowRate { SrcIp = "10.0.0.50", DstIp = "10.0.0.11", Protocol = 6, SrcPort = 40000, DstPort = 80, Bytes = 600, Packets = 6, BytesPerSec = 600 },
            ],
            Samples = 12,
        }));
    }
}
