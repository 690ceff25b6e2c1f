using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Dashboard.Balancer;
using SdnDashboard.Dashboard.Components.Controls;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>Services, members with live load, affinities; every edit goes through <see cref="BalancerAdmin"/>.</summary>
public partial class BalancerPage : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<ServiceStatus> _services = [];
    private DateTimeOffset _now;

    [Inject]
    private BalancerState State { get; set; } = default!;

    [Inject]
    private BalancerAdmin Admin { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override void OnInitialized()
    {
        Load();
        _ = PeriodicRefresh.RunAsync(Refresh, Time, () => InvokeAsync(() =>
        {
            Load();
            StateHasChanged();
        }), _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Load()
    {
        _now = Time.GetUtcNow();
        _services = State.Snapshot(_now);
    }

    /// <summary>Runs one edit as the signed-in user and reports its outcome.</summary>
    private async Task RunAsync(Func<BalancerAdmin, ClaimsPrincipal, Task<BalancerEditResult>> edit)
    {
        var user = (await AuthenticationState).User;
        var result = await edit(Admin, user);
        if (result.Succeeded)
        {
            Snackbar.Add("Saved", Severity.Success);
        }
        else
        {
            Snackbar.Add(string.Join(" ", result.Errors), Severity.Error);
        }

        Load();
    }
}
