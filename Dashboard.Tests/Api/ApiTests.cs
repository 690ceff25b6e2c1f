using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Api;

/// <summary>The REST API, metrics and the SignalR hub of a real dashboard process, called as scripts call them.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private const string ViewerToken = "viewer-token-0123456789";
    private const string OperatorToken = "operator-token-0123456789";
    private const string AdminToken = "admin-token-0123456789ab";
    private DashboardProcess _app = default!;

    public static Dictionary<string, string> TokenSettings() => new()
    {
        ["Auth:ApiTokens:0:Name"] = "view", ["Auth:ApiTokens:0:Token"] = ViewerToken, ["Auth:ApiTokens:0:Role"] = "Viewer",
        ["Auth:ApiTokens:1:Name"] = "ops", ["Auth:ApiTokens:1:Token"] = OperatorToken, ["Auth:ApiTokens:1:Role"] = "Operator",
        ["Auth:ApiTokens:2:Name"] = "root", ["Auth:ApiTokens:2:Token"] = AdminToken, ["Auth:ApiTokens:2:Role"] = "Admin",
    };

    public async Task InitializeAsync() => _app = await DashboardProcess.StartAsync(TokenSettings());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Vms_And_Nodes_ListTheTestbed_ForAViewerToken()
    {
        using var http = Client(ViewerToken);

        Assert.True(await Eventually.TrueAsync(async () => (await http.GetFromJsonAsync<JsonElement>("api/v1/vms")).GetArrayLength() == 6,
            TimeSpan.FromSeconds(30)), "the testbed's 6 VMs never showed in /api/v1/vms");
        var vms = await http.GetFromJsonAsync<JsonElement>("api/v1/vms");
        var nodes = await http.GetFromJsonAsync<JsonElement>("api/v1/nodes");

        Assert.Contains(vms.EnumerateArray(), v => v.GetProperty("nova").GetProperty("instanceName").GetString() == "web-1");
        Assert.Equal(["compute1", "compute2"], nodes.EnumerateArray().Select(n => n.GetProperty("host").GetString()!).ToArray());
    }

    [Fact]
    public async Task PutService_ChecksTheRole_AppliesTheAlgorithm_AndAuditsWho()
    {
        using var viewer = Client(ViewerToken);
        using var ops = Client(OperatorToken);
        using var admin = Client(AdminToken);
        var web = (await admin.GetFromJsonAsync<JsonElement>("api/v1/balancer/services"))[0].GetProperty("definition");
        var leastLoad = JsonSerializer.Deserialize<Dictionary<string, object>>(web.GetRawText())!;
        leastLoad["algorithm"] = "LeastLoad";

        using var refused = await viewer.PutAsJsonAsync("api/v1/balancer/services/web", leastLoad);
        using var applied = await ops.PutAsJsonAsync("api/v1/balancer/services/web", leastLoad);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var now = await admin.GetFromJsonAsync<JsonElement>("api/v1/balancer/services");
        Assert.Equal("LeastLoad", now[0].GetProperty("definition").GetProperty("algorithm").GetString());
        var audit = await admin.GetFromJsonAsync<JsonElement>("api/v1/events?category=audit");
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal("token:ops", entry.GetProperty("user").GetString());
        Assert.Contains("RoundRobin → LeastLoad", entry.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutService_OperatorMayNotChangeWeights_AndBadInputNamesTheField()
    {
        using var ops = Client(OperatorToken);
        using var admin = Client(AdminToken);
        var web = (await admin.GetFromJsonAsync<JsonElement>("api/v1/balancer/services"))[0].GetProperty("definition").GetRawText();
        var heavier = web.Replace("\"weight\":1", "\"weight\":5", StringComparison.Ordinal);
        var badMac = web.Replace("52:54:00:00:01:01", "zz:54:00:00:01:01", StringComparison.Ordinal);

        using var weights = await ops.PutAsync("api/v1/balancer/services/web", Json(heavier));
        using var invalid = await admin.PutAsync("api/v1/balancer/services/web", Json(badMac));
        var problem = await invalid.Content.ReadAsStringAsync();
        var after = await admin.GetFromJsonAsync<JsonElement>("api/v1/balancer/services");

        Assert.Equal(HttpStatusCode.Forbidden, weights.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Members:0:Mac", problem, StringComparison.Ordinal);
        Assert.Contains("zz:54:00:00:01:01", problem, StringComparison.Ordinal);
        Assert.Contains("52:54:00:00:01:01", after[0].GetProperty("definition").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AreInPrometheusTextFormat_WithPerVmAndPerServiceGauges()
    {
        using var http = Client(ViewerToken);
        string text = "";
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            text = await http.GetStringAsync("metrics");
            return text.Contains("sdn_vm_cpu_percent{host=\"compute1\"", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30)), text);

        Assert.Contains("# TYPE sdn_vm_cpu_percent gauge", text, StringComparison.Ordinal);
        Assert.Contains("sdn_balancer_member_eligible{service=\"web\",member=\"web-1\"}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };

        var doc = await http.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/vms", paths);
        Assert.Contains("/api/v1/balancer/services/{name}", paths);
    }

    [Fact]
    public async Task Hub_SendsTheFullStateOnConnect_ThenDeltasOfThePolledNodes()
    {
        var full = new List<JsonElement>();
        var deltas = new List<JsonElement>();
        await using var connection = ConnectToHub();
        connection.On<JsonElement>("cluster", u => { lock (full) { full.Add(u); } });
        connection.On<JsonElement>("delta", d => { lock (deltas) { deltas.Add(d); } });

        await connection.StartAsync();

        Assert.True(await Eventually.TrueAsync(() =>
        {
            lock (deltas)
            {
                return deltas.Count >= 2;
            }
        }, TimeSpan.FromSeconds(30)), "the hub sent no deltas");
        lock (full)
        {
            Assert.Equal(6, full[0].GetProperty("vms").GetArrayLength());
        }

        lock (deltas)
        {
            var sequences = deltas.Select(d => d.GetProperty("sequence").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(0, sequences.Count).Select(i => sequences[0] + i), sequences);
            // The testbed's two nodes poll on their own: a delta carries the VMs of the nodes in it, not all six.
            Assert.All(deltas, d => Assert.Equal(
                d.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("host").GetString()).Order().ToList(),
                d.GetProperty("vms").EnumerateArray().Select(v => v.GetProperty("host").GetString()).Distinct().Order().ToList()));
        }
    }

    [Fact]
    public async Task Hub_AClientThatMissesADelta_SeesTheGap_AndGetsTheFullStateBack()
    {
        var full = new List<JsonElement>();
        long last = -1;
        var dropped = false;
        var fullBeforeGap = -1;
        long gapSequence = 0;
        await using var connection = ConnectToHub();
        connection.On<JsonElement>("cluster", u =>
        {
            lock (full)
            {
                full.Add(u);
                last = u.GetProperty("sequence").GetInt64();
            }
        });
        connection.On<JsonElement>("delta", async d =>
        {
            var sequence = d.GetProperty("sequence").GetInt64();
            bool gap;
            lock (full)
            {
                if (last < 0 || sequence <= last)
                {
                    return; // before the full state, or already in it
                }

                if (!dropped)
                {
                    dropped = true; // as if the message were lost: the client does not advance
                    return;
                }

                gap = sequence != last + 1;
                last = gap ? last : sequence;
                if (gap && fullBeforeGap < 0)
                {
                    fullBeforeGap = full.Count;
                    gapSequence = sequence;
                }
            }

            if (gap)
            {
                // Send, not Invoke: a handler that waits for a result blocks the loop that would deliver it.
                await connection.SendAsync("RequestCluster");
            }
        });

        await connection.StartAsync();

        Assert.True(await Eventually.TrueAsync(() =>
        {
            lock (full)
            {
                return fullBeforeGap >= 0 && full.Count > fullBeforeGap;
            }
        }, TimeSpan.FromSeconds(30)), "the client saw no gap, or its request after the gap brought no full state");
        lock (full)
        {
            var after = full[fullBeforeGap];
            Assert.Equal(6, after.GetProperty("vms").GetArrayLength());
            Assert.True(after.GetProperty("sequence").GetInt64() >= gapSequence, "the full state is older than the delta that revealed the gap");
        }
    }

    [Fact]
    public async Task Hub_RefusesAnonymousClients()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(_app.BaseAddress, "hubs/telemetry")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private HubConnection ConnectToHub() => new HubConnectionBuilder()
        .WithUrl(new Uri(_app.BaseAddress, "hubs/telemetry"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(ViewerToken))
        .Build();

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = _app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
