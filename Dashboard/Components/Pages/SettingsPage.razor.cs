using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using SdnDashboard.Dashboard.Auth;
using SdnDashboard.Dashboard.Events;

namespace SdnDashboard.Dashboard.Components.Pages;

/// <summary>What this dashboard runs with, and (for Admins) the users and their roles; changes are audited.</summary>
public partial class SettingsPage : ComponentBase
{
    private IReadOnlyList<UserRow> _users = [];
    private string _newName = "";
    private string _newPassword = "";
    private string _newRole = Roles.Viewer;

    [Inject]
    private IConfiguration Configuration { get; set; } = default!;

    [Inject]
    private UserManager<IdentityUser> Users { get; set; } = default!;

    [Inject]
    private EventLog Events { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if ((await AuthenticationState).User.IsInRole(Roles.Admin))
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var rows = new List<UserRow>();
        foreach (var user in Users.Users.OrderBy(u => u.UserName).ToList())
        {
            var roles = await Users.GetRolesAsync(user);
            rows.Add(new UserRow(user.UserName ?? "", roles.FirstOrDefault() ?? ""));
        }

        _users = rows;
    }

    private async Task<string?> AdminNameAsync()
    {
        var principal = (await AuthenticationState).User;
        return principal.IsInRole(Roles.Admin) ? principal.Identity?.Name : null;
    }

    private async Task AddAsync()
    {
        if (await AdminNameAsync() is not { } admin)
        {
            return;
        }

        var user = new IdentityUser(_newName.Trim());
        var result = await Users.CreateAsync(user, _newPassword);
        if (result.Succeeded)
        {
            result = await Users.AddToRoleAsync(user, _newRole);
        }

        if (!Report(result, $"Added {user.UserName} as {_newRole}"))
        {
            return;
        }

        await Events.AuditAsync("user.added", user.UserName!, $"added user {user.UserName} with role {_newRole}", admin);
        _newName = _newPassword = "";
        await LoadAsync();
    }

    private async Task SetRoleAsync(string name, string role)
    {
        if (await AdminNameAsync() is not { } admin || await Users.FindByNameAsync(name) is not { } user)
        {
            return;
        }

        var result = await Users.RemoveFromRolesAsync(user, await Users.GetRolesAsync(user));
        if (result.Succeeded)
        {
            result = await Users.AddToRoleAsync(user, role);
        }

        if (Report(result, $"{name} is now {role}"))
        {
            await Events.AuditAsync("user.role", name, $"role of {name} set to {role}", admin);
        }

        await LoadAsync();
    }

    private async Task DeleteAsync(string name)
    {
        if (await AdminNameAsync() is not { } admin || await Users.FindByNameAsync(name) is not { } user)
        {
            return;
        }

        if (Report(await Users.DeleteAsync(user), $"Deleted {name}"))
        {
            await Events.AuditAsync("user.deleted", name, $"deleted user {name}", admin);
        }

        await LoadAsync();
    }

    private bool Report(IdentityResult result, string success)
    {
        if (result.Succeeded)
        {
            Snackbar.Add(success, Severity.Success);
            return true;
        }

        Snackbar.Add(string.Join(" ", result.Errors.Select(e => e.Description)), Severity.Error);
        return false;
    }

    private sealed record UserRow(string Name, string Role);
}
