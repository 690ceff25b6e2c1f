using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Dashboard.Balancer;

namespace SdnDashboard.Dashboard.Components.Balancer;

/// <summary>One load-balanced service: its policy controls, members and affinity table.</summary>
public partial class ServicePanel
{
    private BalanceIndex? _index;
    private NewMember _newMember = new();

    /// <summary>The service as the balancer sees it now.</summary>
    [Parameter, EditorRequired]
    public ServiceStatus Service { get; set; } = default!;

    /// <summary>The time the snapshot was taken, for ages.</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>Runs an edit as the signed-in user; the page reports the outcome.</summary>
    [Parameter, EditorRequired]
    public EventCallback<Func<BalancerAdmin, ClaimsPrincipal, Task<BalancerEditResult>>> OnEdit { get; set; }

    protected override void OnParametersSet() => _index = BalanceIndex.Of(Service);

    private Task Edit(Func<BalancerAdmin, ClaimsPrincipal, Task<BalancerEditResult>> edit) => OnEdit.InvokeAsync(edit);

    private Task Replace(ServiceDefinition definition) => Edit((admin, user) => admin.ReplaceServiceAsync(user, definition));

    private Task SetAlgorithmAsync(string algorithm) => Replace(Service.Definition with { Algorithm = algorithm });

    private Task SetAffinityModeAsync(string mode) =>
        Replace(Service.Definition with { Affinity = Service.Definition.Affinity with { Mode = mode } });

    private Task SetAffinityTimeoutAsync(int seconds) =>
        Replace(Service.Definition with { Affinity = Service.Definition.Affinity with { IdleTimeoutSeconds = seconds } });

    private Task SetWeightAsync(string member, int weight) =>
        Replace(Service.Definition with
        {
            Members = Service.Definition.Members.Select(m => m.Name == member ? m with { Weight = weight } : m).ToList(),
        });

    private Task SetDrainedAsync(string member, bool drained) =>
        Edit((admin, user) => admin.SetDrainedAsync(user, Service.Definition.Name, member, drained));

    private Task RemoveMemberAsync(string member) =>
        Edit((admin, user) => admin.RemoveMemberAsync(user, Service.Definition.Name, member));

    private Task EvictAsync(string client) =>
        Edit((admin, user) => admin.EvictAffinityAsync(user, Service.Definition.Name, client));

    private async Task AddMemberAsync()
    {
        var member = new MemberDefinition
        {
            Name = _newMember.Name.Trim(), Mac = _newMember.Mac.Trim(), Ip = _newMember.Ip.Trim(), Weight = _newMember.Weight,
            VmName = string.IsNullOrWhiteSpace(_newMember.VmName) ? null : _newMember.VmName.Trim(),
        };
        await Replace(Service.Definition with { Members = [.. Service.Definition.Members, member] });
        _newMember = new NewMember();
    }

    private sealed class NewMember
    {
        public string Name { get; set; } = "";

        public string Mac { get; set; } = "";

        public string Ip { get; set; } = "";

        public int Weight { get; set; } = 1;

        public string? VmName { get; set; }
    }
}
