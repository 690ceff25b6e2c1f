using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SdnDashboard.Dashboard.Data;
using StackExchange.Redis;

namespace SdnDashboard.Dashboard.Hosting;

/// <summary><c>GET /healthz</c>: SQLite always, Redis when configured.</summary>
public static class HealthExtensions
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks().AddCheck<SqliteHealthCheck>("sqlite");
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Redis:Configuration"]))
        {
            checks.AddCheck<RedisHealthCheck>("redis");
        }

        return builder;
    }

    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(
                        e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                }).ConfigureAwait(false);
            },
        }).AllowAnonymous();

    private sealed class SqliteHealthCheck(IDbContextFactory<SdnDbContext> factory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("SQLite reachable")
                : HealthCheckResult.Unhealthy("SQLite database cannot be opened");
        }
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var rtt = await redis.GetDatabase().PingAsync().ConfigureAwait(false);
                return HealthCheckResult.Healthy($"Redis ping {rtt.TotalMilliseconds:0.0} ms");
            }
            catch (RedisException ex)
            {
                return HealthCheckResult.Unhealthy($"Redis unreachable: {ex.Message}");
            }
        }
    }
}
