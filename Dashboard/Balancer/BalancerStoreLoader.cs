namespace SdnDashboard.Dashboard.Balancer;

/// <summary>At start, lays the policy stored by earlier run-time edits over the configured one.</summary>
public sealed class BalancerStoreLoader(BalancerAdmin admin, ILogger<BalancerStoreLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await admin.LoadStoredAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Balancer policy loaded");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
