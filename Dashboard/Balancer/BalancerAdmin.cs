using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Control;
using SdnDashboard.Dashboard.Auth;
using SdnDashboard.Dashboard.Data;
using SdnDashboard.Dashboard.Events;

namespace SdnDashboard.Dashboard.Balancer;

/// <summary>
/// Every run-time change to the balancing policy, from the UI and the API alike: checks the caller's role,
/// applies the change to <see cref="BalancerState"/>, sends the resulting flow deletions to the switches,
/// stores the policy in SQLite and writes the audit log with who and when. Nothing needs a restart.
/// </summary>
public sealed class BalancerAdmin(
    BalancerState state, ISwitchCommandSink switches, IDbContextFactory<SdnDbContext> dbFactory, EventLog events, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _edits = new(1, 1);

    /// <summary>Replaces a service's definition. Operators may change only the algorithm; the rest needs Admin.</summary>
    public async Task<BalancerEditResult> ReplaceServiceAsync(ClaimsPrincipal user, ServiceDefinition definition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var before = state.Services.FirstOrDefault(s => string.Equals(s.Name, definition.Name, StringComparison.OrdinalIgnoreCase));
        // Records compare lists by reference, so members are compared item by item.
        var onlyAlgorithm = before is not null && before with { Algorithm = definition.Algorithm, Members = definition.Members } == definition
                            && before.Members.SequenceEqual(definition.Members);
        if (Deny(user, onlyAlgorithm ? Roles.Operator : Roles.Admin) is { } denied)
        {
            return denied;
        }

        return await EditAsync(user, definition.Name, () => state.ReplaceService(definition), Describe(before, definition),
            before is null ? "balancer.service.added" : onlyAlgorithm ? "balancer.algorithm" : "balancer.service.updated", ct)
            .ConfigureAwait(false);
    }

    /// <summary>Drains a member (no new clients) or puts it back; Operator or Admin.</summary>
    public Task<BalancerEditResult> SetDrainedAsync(ClaimsPrincipal user, string service, string member, bool drained, CancellationToken ct = default) =>
        Deny(user, Roles.Operator) is { } denied
            ? Task.FromResult(denied)
            : EditAsync(user, service, () => state.SetDrained(service, member, drained),
                drained ? $"drained member {member}" : $"undrained member {member}", drained ? "balancer.drain" : "balancer.undrain", ct);

    /// <summary>Removes a member; its clients move on their next packet. Admin.</summary>
    public Task<BalancerEditResult> RemoveMemberAsync(ClaimsPrincipal user, string service, string member, CancellationToken ct = default) =>
        Deny(user, Roles.Admin) is { } denied
            ? Task.FromResult(denied)
            : EditAsync(user, service, () => state.RemoveMember(service, member), $"removed member {member}", "balancer.member.removed", ct);

    /// <summary>Removes a whole service. Admin.</summary>
    public Task<BalancerEditResult> RemoveServiceAsync(ClaimsPrincipal user, string service, CancellationToken ct = default) =>
        Deny(user, Roles.Admin) is { } denied
            ? Task.FromResult(denied)
            : EditAsync(user, service, () => state.RemoveService(service), $"removed service {service}", "balancer.service.removed", ct);

    /// <summary>Forgets one client's affinity so its next packet is balanced afresh; Operator or Admin.</summary>
    public Task<BalancerEditResult> EvictAffinityAsync(ClaimsPrincipal user, string service, string client, CancellationToken ct = default) =>
        Deny(user, Roles.Operator) is { } denied
            ? Task.FromResult(denied)
            : EditAsync(user, service, () => state.EvictAffinity(service, client), $"evicted client {client}", "balancer.evict", ct);

    /// <summary>Applies the stored policy over the configured one at start, when anything was stored.</summary>
    public async Task LoadStoredAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var stored = await db.BalancerServices.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            return;
        }

        foreach (var configured in state.Services.Where(s => !stored.Any(r => string.Equals(r.Name, s.Name, StringComparison.OrdinalIgnoreCase))))
        {
            state.RemoveService(configured.Name);
        }

        foreach (var record in stored)
        {
            var definition = JsonSerializer.Deserialize<ServiceDefinition>(record.DefinitionJson, Json)
                ?? throw new InvalidOperationException($"Stored balancer service '{record.Name}' has an empty definition");
            var result = state.ReplaceService(definition, $"BalancerServices[{record.Name}]");
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Stored balancer service '{record.Name}' is invalid: {string.Join("; ", result.Errors)}");
            }

            foreach (var member in JsonSerializer.Deserialize<string[]>(record.DrainedJson, Json) ?? [])
            {
                state.SetDrained(definition.Name, member, drained: true);
            }
        }
    }

    private static BalancerEditResult? Deny(ClaimsPrincipal user, string role)
    {
        var allowed = role == Roles.Operator ? user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin) : user.IsInRole(Roles.Admin);
        return allowed ? null : new BalancerEditResult([$"forbidden: this change needs the {role} role"], []);
    }

    private async Task<BalancerEditResult> EditAsync(
        ClaimsPrincipal user, string service, Func<BalancerEditResult> edit, string description, string kind, CancellationToken ct)
    {
        await _edits.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var result = edit();
            if (!result.Succeeded)
            {
                return result;
            }

            await switches.SendAsync(result.Commands, ct).ConfigureAwait(false);
            await StoreAsync(user, ct).ConfigureAwait(false);
            await events.AuditAsync(kind, service, description, user.Identity?.Name, ct).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _edits.Release();
        }
    }

    private async Task StoreAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var statuses = state.Snapshot(now);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var existing = await db.BalancerServices.ToDictionaryAsync(r => r.Name, StringComparer.OrdinalIgnoreCase, ct).ConfigureAwait(false);
        foreach (var status in statuses)
        {
            var json = JsonSerializer.Serialize(status.Definition, Json);
            var drained = JsonSerializer.Serialize(status.Members.Where(m => m.Drained).Select(m => m.Definition.Name).ToArray(), Json);
            if (existing.Remove(status.Definition.Name, out var record))
            {
                if (record.DefinitionJson == json && record.DrainedJson == drained)
                {
                    continue;
                }

                record.DefinitionJson = json;
                record.DrainedJson = drained;
                record.UpdatedAt = now;
                record.UpdatedBy = user.Identity?.Name;
            }
            else
            {
                db.BalancerServices.Add(new BalancerServiceRecord
                {
                    Name = status.Definition.Name, DefinitionJson = json, DrainedJson = drained, UpdatedAt = now, UpdatedBy = user.Identity?.Name,
                });
            }
        }

        db.BalancerServices.RemoveRange(existing.Values);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static string Describe(ServiceDefinition? before, ServiceDefinition after)
    {
        if (before is null)
        {
            return $"added service {after.Name} ({after.VirtualIp}, {after.Algorithm}, {after.Members.Count} members)";
        }

        var changes = new List<string>();
        if (before.Algorithm != after.Algorithm)
        {
            changes.Add($"algorithm {before.Algorithm} → {after.Algorithm}");
        }

        if (before.Affinity != after.Affinity)
        {
            changes.Add($"affinity {before.Affinity.Mode}/{before.Affinity.IdleTimeoutSeconds}s → {after.Affinity.Mode}/{after.Affinity.IdleTimeoutSeconds}s");
        }

        foreach (var member in after.Members)
        {
            var old = before.Members.FirstOrDefault(m => string.Equals(m.Name, member.Name, StringComparison.OrdinalIgnoreCase));
            if (old is null)
            {
                changes.Add($"added member {member.Name} ({member.Ip}, weight {member.Weight})");
            }
            else if (old != member)
            {
                changes.Add(old.Weight != member.Weight ? $"weight of {member.Name} {old.Weight} → {member.Weight}" : $"changed member {member.Name}");
            }
        }

        changes.AddRange(before.Members.Where(m => !after.Members.Any(a => string.Equals(a.Name, m.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(m => $"removed member {m.Name}"));
        if (before with { Algorithm = after.Algorithm, Affinity = after.Affinity, Members = after.Members } != after)
        {
            changes.Add("changed the service address");
        }

        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }
}
