using System.Net;
using System.Text.Json;
using SdnDashboard.Tests.Infrastructure;

namespace SdnDashboard.Tests.Hosting;

/// <summary>The dashboard as a process: it starts, migrates its database, answers health, and refuses bad settings.</summary>
public sealed class DashboardStartupTests
{
    [Fact]
    public async Task FreshStart_CreatesTheDatabase_AndHealthzReportsSqliteHealthy()
    {
        await using var app = await DashboardProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("sqlite").GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("checks").TryGetProperty("redis", out _), "no Redis is configured");
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "test.db")), "the SQLite file was not created");
    }

    [Fact]
    public async Task WithRedisConfigured_HealthzChecksRedis_AndTurnsUnhealthyWhenItGoesAway()
    {
        var redis = new RedisServerFixture();
        await redis.InitializeAsync();
        try
        {
            await using var app = await DashboardProcess.StartAsync(new Dictionary<string, string> { ["Redis:Configuration"] = redis.Configuration });
            using var http = new HttpClient { BaseAddress = app.BaseAddress };

            var healthy = await http.GetStringAsync(new Uri("healthz", UriKind.Relative));
            Assert.Contains("\"redis\":{\"status\":\"Healthy\"", healthy, StringComparison.Ordinal);

            redis.Stop();
            Assert.True(await Eventually.TrueAsync(async () =>
            {
                using var r = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                return r.StatusCode == HttpStatusCode.ServiceUnavailable;
            }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500)), "healthz stayed healthy with Redis down");
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Redis:Configuration", ",,,", "Redis:Configuration")]
    [InlineData("Bus:SubscriberQueueLength", "0", "Bus:SubscriberQueueLength")]
    public async Task BadSetting_StopsStartup_WithAMessageNamingTheKey(string key, string value, string named)
    {
        await using var app = await DashboardProcess.StartAsync(new Dictionary<string, string> { [key] = value }, waitUntilHealthy: false);

        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"the dashboard kept running with {key}={value}:\n{app.Output}");
        Assert.NotEqual(0, app.ExitCode);
        Assert.Contains(named, app.Output, StringComparison.Ordinal);
    }
}
