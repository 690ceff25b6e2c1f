using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Demo;

/// <summary>The dashboard started with no configuration: its demo switch and clients make the balancer decide.</summary>
public sealed class DemoClusterEndToEndTests
{
    private const string ViewerToken = "demo-viewer-token-0123456789";

    [Fact]
    public async Task UnconfiguredDashboard_ShowsAffinitiesOverTheFourWebMembers()
    {
        await using var app = await DashboardProcess.StartAsync(new Dictionary<string, string>
        {
            ["Auth:ApiTokens:0:Name"] = "view", ["Auth:ApiTokens:0:Token"] = ViewerToken, ["Auth:ApiTokens:0:Role"] = "Viewer",
        });
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ViewerToken);

        JsonElement affinities = default;
        var seen = await Eventually.TrueAsync(async () =>
        {
            affinities = await http.GetFromJsonAsync<JsonElement>("api/v1/balancer/affinity");
            return affinities.GetArrayLength() >= 4;
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(500));

        Assert.True(seen, $"no affinities within 20 s; last answer {affinities}; dashboard output:\n{app.Output}");
        Assert.All(affinities.EnumerateArray(), a => Assert.Equal("web", a.GetProperty("service").GetString()));
        Assert.Equal(4, affinities.EnumerateArray().Select(a => a.GetProperty("member").GetString()).Distinct().Count());
        Assert.All(affinities.EnumerateArray(), a => Assert.StartsWith("10.0.1.", a.GetProperty("clientIp").GetString(), StringComparison.Ordinal));
    }
}
