using System.Security.Claims;
using SdnDashboard.Core.Balancing;
using SdnDashboard.Dashboard.Balancer;
using SdnDashboard.Dashboard.Controller;
using SdnDashboard.Dashboard.Events;
using SdnDashboard.Dashboard.Live;
using SdnDashboard.Dashboard.Traffic;
using System.Globalization;

namespace SdnDashboard.Dashboard.Api;

/// <summary>
/// <c>/api/v1</c>: the same data and edits as the pages, for scripts. Cookie or bearer token; 401 without
/// credentials, 403 when the role is too low. The OpenAPI document is at <c>/openapi/v1.json</c>.
/// </summary>
public static class ApiEndpoints
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static void MapApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup("/api/v1").RequireAuthorization();

        api.MapGet("/vms", (ClusterFeed feed) => feed.Current.Vms.Values.OrderBy(v => v.Host).ThenBy(v => v.Name).ToList())
            .WithSummary("Every VM the collectors report now, with rates");
        api.MapGet("/nodes", (ClusterFeed feed) => feed.Current.Hosts.Values.OrderBy(h => h.Host).ToList())
            .WithSummary("Every compute node (hypervisor) reporting now");
        api.MapGet("/balancer/services", (BalancerState state, TimeProvider time) => state.Snapshot(time.GetUtcNow()).Select(ServiceView.From).ToList())
            .WithSummary("Load-balanced services with their members, live load and state");
        api.MapPut("/balancer/services/{name}", PutServiceAsync)
            .WithSummary("Create or replace a service: algorithm, weights, affinity, members (Operator: algorithm only; Admin: all)");
        api.MapGet("/balancer/affinity", (BalancerState state, TimeProvider time) =>
                state.Snapshot(time.GetUtcNow()).SelectMany(s => s.Affinities).Select(AffinityView.From).ToList())
            .WithSummary("Clients and the member each is bound to");
        api.MapDelete("/balancer/affinity/{service}/{client}", async (string service, string client, BalancerAdmin admin, ClaimsPrincipal user, CancellationToken ct) =>
                ToResult(await admin.EvictAffinityAsync(user, service, client, ct).ConfigureAwait(false)))
            .WithSummary("Evict one client so its next packet is balanced afresh (Operator)");
        api.MapGet("/traffic/hourly", async (string? date, TrafficTable table, TimeProvider time, CancellationToken ct) =>
                ParseDay(date, time) is { } day
                    ? Results.Ok((await table.RowsAsync(day, ct: ct).ConfigureAwait(false))
                        .Select(r => new { hourStart = r.HourStart, vm = r.Vm, rxBytes = r.RxBytes, txBytes = r.TxBytes, source = r.Source, host = r.Host }))
                    : BadDate(date))
            .WithSummary("Hourly bytes per VM of one UTC day (default today), from libvirt counters and sFlow estimates");
        api.MapGet("/traffic/table2.csv", async (string? date, string? nodes, TrafficTable table, TimeProvider time, CancellationToken ct) =>
            {
                if (ParseDay(date, time) is not { } day)
                {
                    return BadDate(date);
                }

                var hosts = string.IsNullOrWhiteSpace(nodes) ? null : nodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var rows = await table.RowsAsync(day, hosts, ct).ConfigureAwait(false);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(TrafficTable.ToCsv(day, rows)), "text/csv",
                    $"traffic-{day:yyyy-MM-dd}.csv");
            })
            .WithSummary("The paper's Table 2 for one UTC day as CSV: hours x VMs, MB in + out");
        api.MapGet("/switches", (SwitchRegistry registry) => registry.Snapshot().Select(s => new
            {
                dpid = s.DatapathIdText, s.Version, s.RemoteAddress, s.Connected, s.ConnectedSince, s.DisconnectedAt, s.DisconnectReason,
                ports = s.Ports.Select(p => new { p.Number, mac = p.HardwareAddress.ToString(), p.Name, p.IsUp }),
                flows = s.Flows.Count, missing = s.IntendedButMissing.Count, unintended = s.PresentButUnintended.Count, s.LastStatsAt,
            }).ToList())
            .WithSummary("Switches the controller knows, connected or not");
        api.MapGet("/switches/{dpid}/flows", (string dpid, SwitchRegistry registry) =>
                ulong.TryParse(dpid.Replace(":", "", StringComparison.Ordinal).Replace("0x", "", StringComparison.OrdinalIgnoreCase),
                    NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id) && registry.Get(id) is { } view
                    ? Results.Ok(FlowRow.Of(view))
                    : Results.NotFound(new { error = $"no switch with datapath id '{dpid}' (16 hex digits, e.g. 0000000000000001)" }))
            .WithSummary("Flows the switch holds, marked against what the controller intended, plus intended flows it lacks");
        api.MapGet("/flows/top", (TrafficFeed traffic, int? count) => traffic.Current.TopFlows(Math.Clamp(count ?? 20, 1, 1000)))
            .WithSummary("Top flows by estimated rate from the latest sFlow interval of every collector");
        api.MapGet("/events", (EventLog log, string? category, string? kind, string? text, int? limit, CancellationToken ct) =>
                log.QueryAsync(new EventQuery(category, kind, text, Limit: limit ?? 500), ct))
            .WithSummary("Audit log and system events, newest first");
    }

    private static DateOnly? ParseDay(string? date, TimeProvider time) =>
        string.IsNullOrEmpty(date) ? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)
        : DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static IResult BadDate(string? date) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [$"'{date}' is not a date in the form YYYY-MM-DD"] });

    private static async Task<IResult> PutServiceAsync(
        string name, ServiceDefinition body, BalancerAdmin admin, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!string.Equals(name, body.Name, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(body.Name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Name"] = [$"body names '{body.Name}' but the URL names '{name}'"] });
        }

        return ToResult(await admin.ReplaceServiceAsync(user, body with { Name = name }, ct).ConfigureAwait(false));
    }

    private static IResult ToResult(BalancerEditResult result)
    {
        if (result.Succeeded)
        {
            return TypedResults.Ok(new { status = "applied", flowChanges = result.Commands.Count });
        }

        if (result.Errors.Any(e => e.StartsWith("forbidden:", StringComparison.Ordinal)))
        {
            return TypedResults.Problem(string.Join(" ", result.Errors), statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["service"] = [.. result.Errors] });
    }

    private sealed record ServiceView(ServiceDefinition Definition, IReadOnlyList<MemberView> Members, int Clients)
    {
        public static ServiceView From(ServiceStatus s) =>
            new(s.Definition, s.Members.Select(m => new MemberView(m.Definition.Name, m.Drained, m.Eligible, m.Reason, m.ActiveClients, m.Load)).ToList(),
                s.Affinities.Count);
    }

    private sealed record MemberView(string Name, bool Drained, bool Eligible, string Reason, int ActiveClients, MemberLoad? Load);

    private sealed record AffinityView(string Service, string Client, string ClientMac, string ClientIp, string Member,
        DateTimeOffset Since, DateTimeOffset LastSeen, string Cookie, string Algorithm)
    {
        public static AffinityView From(AffinityEntry a) =>
            new(a.Service, a.Client, a.ClientMac.ToString(), a.ClientIp, a.Member, a.Since, a.LastSeen, $"0x{a.Cookie:x16}", a.Algorithm);
    }
}
