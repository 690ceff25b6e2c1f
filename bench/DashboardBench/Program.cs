// Live-feed benchmark of issue 6: 1,000 VMs over 10 simulated hosts publishing every 2 s through the real
// Redis bus into the real dashboard process; N SignalR hub clients, the same number of raw Redis subscribers
// (the floor), then real Blazor circuits in headless Chromium. Prints server CPU, memory per client and the
// delay from publish to client (p50/p99). With --circuit-pages=/a,/b only the live heap per circuit of each page.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using SdnDashboard.Bench.Dashboard;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Bus;
using SdnDashboard.Core.Telemetry;
using StackExchange.Redis;

var options = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
int Opt(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var vmCount = Opt("vms", 1000);
var hostCount = Opt("hosts", 10);
var clientCount = Opt("clients", 50);
var browserCount = Opt("browsers", 10);
var seconds = Opt("seconds", 60);
var periodMs = Opt("period-ms", 2000);
var dashboardDll = options.TryGetValue("dashboard", out var dll) ? dll : FindDashboard();
if (hostCount > 10)
{
    throw new ArgumentException("hosts must be at most 10: the browser probe codes the host in one decimal digit");
}

const string Token = "bench-viewer-token-0123456789";
var work = Directory.CreateTempSubdirectory("sdn-dashbench-").FullName;
var redisPort = FreePort();
var webPort = FreePort();
var cleanup = new List<Func<Task>>();
try
{
    var redis = Start("redis-server", ["--port", redisPort.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], work);
    cleanup.Add(() => Stop(redis));
    await Task.Delay(500);
    var dashboard = Start("dotnet", [dashboardDll, "--urls", $"http://127.0.0.1:{webPort}",
        $"--Storage:DatabasePath={Path.Combine(work, "bench.db")}", "--Auth:AdminPassword=bench-admin-pass-1",
        "--Controller:Listen=127.0.0.1:0", "--Testbed:Enabled=false", $"--Redis:Configuration=127.0.0.1:{redisPort}",
        "--Auth:ApiTokens:0:Name=bench", $"--Auth:ApiTokens:0:Token={Token}", "--Auth:ApiTokens:0:Role=Viewer",
        "--Logging:LogLevel:Default=Warning"], Path.GetDirectoryName(dashboardDll)!);
    cleanup.Add(() => Stop(dashboard));
    var baseUri = new Uri($"http://127.0.0.1:{webPort}/");
    await WaitHealthyAsync(baseUri, dashboard);
    var meter = new ProcessMeter(dashboard.Id);
    var heap = new GcHeapProbe(dashboard.Id, options.TryGetValue("gcdump-dir", out var dumps) ? Directory.CreateDirectory(dumps).FullName : work);

    // The simulated collectors: each host on its own phase, as independent compute nodes poll.
    var stop = new CancellationTokenSource();
    var busRedis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redisPort}");
    var bus = new RedisTelemetryBus(busRedis, TimeProvider.System, NullLogger<RedisTelemetryBus>.Instance);
    var published = new ConcurrentDictionary<string, List<long>>(); // probe text -> publish times (Unix ms)
    var publishers = Enumerable.Range(0, hostCount).Select(h => Task.Run(() => PublishAsync(bus, published, h, stop.Token))).ToArray();
    cleanup.Add(async () =>
    {
        await stop.CancelAsync();
        await Task.WhenAll(publishers).ContinueWith(_ => { }, TaskScheduler.Default);
        busRedis.Dispose();
    });

    Console.WriteLine($"dashboard pid {dashboard.Id} on {baseUri}, redis on {redisPort}; {vmCount} VMs / {hostCount} hosts every {periodMs} ms");
    await Task.Delay(TimeSpan.FromSeconds(30)); // JIT and the first GCs out of the idle figure
    if (options.TryGetValue("circuit-pages", out var circuitPages))
    {
        // Circuit memory only: no hub phase, no delay measurement.
        // --dump-dir: a full heap dump (dotnet-dump) after the first and the last circuit of each page, to diff.
        var dumpDir = options.TryGetValue("dump-dir", out var d) ? Directory.CreateDirectory(d).FullName : null;
        var circuitClient = options.GetValueOrDefault("circuit-client", "chromium");
        Func<string, Task> dumpHeap = async label =>
        {
            if (dumpDir is not null)
            {
                var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-dump");
                using var p = Process.Start(tool, ["collect", "-p", dashboard.Id.ToString(CultureInfo.InvariantCulture), "--type", "Heap", "-o", Path.Combine(dumpDir, label + ".dmp")]);
                await p.WaitForExitAsync();
            }
        };
        if (circuitClient == "blazorpack")
        {
            await CircuitMemory.RunWithoutBrowserAsync(baseUri, circuitPages.Split(','), Opt("circuits", 50), heap, Token, dumpHeap);
        }
        else if (circuitClient == "chromium")
        {
            await CircuitMemory.RunAsync(baseUri, circuitPages.Split(','), browserCount, heap, "bench-admin-pass-1", dumpHeap);
        }
        else
        {
            throw new ArgumentException($"--circuit-client is '{circuitClient}'; allowed: chromium, blazorpack");
        }

        return;
    }

    var idle = await meter.MeasureAsync(TimeSpan.FromSeconds(20));
    var idleHeap = await heap.LiveHeapBytesAsync();
    Console.WriteLine($"idle (no clients): CPU {idle.CpuPercent:0.0} %, RSS {idle.MedianRssKiB / 1024.0:0.0} MiB, live heap {idleHeap / 1048576.0:0.0} MiB"
        + (heap.Available ? "" : " (dotnet-gcdump not installed: no live-heap figures)"));

    // Phase 1: hub clients and raw Redis subscribers side by side.
    var redisDelays = new DelayLog();
    var hubDelays = new DelayLog();
    var hubGaps = 0;
    long firstHubHeap = -1;
    var peers = new List<ConnectionMultiplexer>();
    for (var i = 0; i < clientCount; i++)
    {
        var peer = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{redisPort}");
        await peer.GetSubscriber().SubscribeAsync(RedisChannel.Literal(BusTopics.VmStats.Channel), (_, value) =>
        {
            var poll = JsonSerializer.Deserialize((byte[])value!, BusTopics.VmStats.TypeInfo)!;
            redisDelays.Add((DateTimeOffset.UtcNow - poll.At).TotalMilliseconds);
        });
        peers.Add(peer);
    }

    cleanup.Add(() =>
    {
        peers.ForEach(p => p.Dispose());
        return Task.CompletedTask;
    });

    var hubs = new List<HubConnection>();
    for (var i = 0; i < clientCount; i++)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "hubs/telemetry"), o => o.Headers["Authorization"] = "Bearer " + Token)
            .Build();
        var lastSeen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        long lastSequence = -1;
        // The full state (on connect, on request, on a lease takeover) sets what the client holds; no delay is counted.
        connection.On<HubMessage>("cluster", full =>
        {
            lock (lastSeen)
            {
                lastSequence = full.Sequence;
                foreach (var node in full.Nodes)
                {
                    lastSeen[node.Host] = node.At;
                }
            }
        });
        // A delta counts one delay per node whose poll is newer than the one the client holds.
        connection.On<HubMessage>("delta", delta =>
        {
            var now = DateTimeOffset.UtcNow;
            bool gap;
            lock (lastSeen)
            {
                // Nodes are applied by poll time whatever the sequence; the sequence only reveals a lost message.
                gap = lastSequence >= 0 && delta.Sequence > lastSequence + 1;
                lastSequence = Math.Max(lastSequence, delta.Sequence);
                foreach (var node in delta.Nodes)
                {
                    if (!lastSeen.TryGetValue(node.Host, out var seen) || node.At > seen)
                    {
                        hubDelays.Add((now - node.At).TotalMilliseconds);
                        lastSeen[node.Host] = node.At;
                    }
                }
            }

            if (gap)
            {
                Interlocked.Increment(ref hubGaps);
                return connection.SendAsync("RequestCluster");
            }

            return Task.CompletedTask;
        });
        await connection.StartAsync();
        hubs.Add(connection);
        if (i == 0)
        {
            // The first connection pays one-time costs (the hub's JIT, caches); the slope from here is what a connection keeps.
            await Task.Delay(TimeSpan.FromSeconds(3));
            firstHubHeap = await heap.LiveHeapBytesAsync();
        }
    }

    await Task.Delay(TimeSpan.FromSeconds(10));
    redisDelays.Enabled = hubDelays.Enabled = true;
    var withHubs = await meter.MeasureAsync(TimeSpan.FromSeconds(seconds));
    redisDelays.Enabled = hubDelays.Enabled = false;
    var hubHeap = await heap.LiveHeapBytesAsync();
    foreach (var hub in hubs)
    {
        await hub.DisposeAsync();
    }

    var hubRedis = redisDelays.Summary();
    var hubSummary = hubDelays.Summary();
    Console.WriteLine($"hub phase: CPU {withHubs.CpuPercent:0.0} %, RSS {withHubs.MedianRssKiB / 1024.0:0.0} MiB, hub p50/p99 {hubSummary.P50:0}/{hubSummary.P99:0} ms ({hubSummary.Count}), redis p50/p99 {hubRedis.P50:0}/{hubRedis.P99:0} ms, sequence gaps {hubGaps}");

    // Phase 2: real Blazor circuits, each page of one signed-in browser context its own circuit.
    (double CpuPercent, long MedianRssKiB) withBrowsers = default;
    long browserHeap = -1;
    long firstCircuitHeap = -1;
    var browserDelays = new DelayLog { Enabled = true };
    var browserRedis = new DelayLog();
    var circuits = 0;
    if (browserCount > 0)
    {
        await Task.Delay(TimeSpan.FromSeconds(10)); // let the hub connections' memory go
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync();
        var pages = new List<IPage>();
        for (var i = 0; i < browserCount; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(baseUri, "vms").ToString(), new() { Timeout = 60_000 });
            if (i == 0)
            {
                await page.GetByTestId("login-user").FillAsync("admin");
                await page.GetByTestId("login-password").FillAsync("bench-admin-pass-1");
                await page.GetByTestId("login-submit").ClickAsync();
            }

            try
            {
                await page.WaitForFunctionAsync("() => document.body?.dataset.circuit === 'up'", null, new() { Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "dashbench-fail.png") });
                Console.Error.WriteLine($"page {i} at {page.Url} never brought its circuit up; screenshot in {Path.GetTempPath()}dashbench-fail.png");
                throw;
            }

            await page.WaitForSelectorAsync("[data-testid=vm-cpu]", new() { Timeout = 60_000 });
            await page.EvaluateAsync(ProbeScript);
            pages.Add(page);
            circuits++;
            if (i == 0)
            {
                // The first circuit pays one-time costs (sign-in, Blazor and MudBlazor caches, JIT); the slope from here is what a circuit keeps.
                await Task.Delay(TimeSpan.FromSeconds(5));
                firstCircuitHeap = await heap.LiveHeapBytesAsync();
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(10));
        foreach (var page in pages)
        {
            await page.EvaluateAsync("() => { window.__seen = []; }");
        }

        browserRedis = Resubscribe(peers);

        withBrowsers = await meter.MeasureAsync(TimeSpan.FromSeconds(seconds));
        browserRedis.Enabled = false;
        browserHeap = await heap.LiveHeapBytesAsync();
        foreach (var page in pages)
        {
            var seen = await page.EvaluateAsync<string[][]>("() => window.__seen");
            AddDelays(seen.Select(e => (e[0], double.Parse(e[1], CultureInfo.InvariantCulture))), browserDelays);
        }
    }

    // Phase 3: the same circuits without browsers, through Blazor's own protocol (BlazorCircuitClient).
    (double CpuPercent, long MedianRssKiB) withCircuits = default;
    long circuitHeap = -1;
    long firstBareCircuitHeap = -1;
    var circuitDelays = new DelayLog { Enabled = true };
    var circuitRedis = new DelayLog();
    var circuitBatches = 0L;
    var bareCircuits = new List<BlazorCircuitClient>();
    var circuitClientCount = Opt("circuits", 0);
    if (circuitClientCount > 0)
    {
        await Task.Delay(TimeSpan.FromSeconds(10)); // let the browser phase's memory go
        for (var i = 0; i < circuitClientCount; i++)
        {
            bareCircuits.Add(await BlazorCircuitClient.ConnectAsync(baseUri, "/vms", Token, IsCpuCell, CancellationToken.None));
            if (i == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                firstBareCircuitHeap = await heap.LiveHeapBytesAsync();
            }
        }

        cleanup.Add(async () =>
        {
            foreach (var c in bareCircuits)
            {
                await c.DisposeAsync();
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(10));
        bareCircuits.ForEach(c => c.ClearSeen());
        var batchesBefore = bareCircuits.Sum(c => (long)c.Batches);
        circuitRedis = Resubscribe(peers);
        withCircuits = await meter.MeasureAsync(TimeSpan.FromSeconds(seconds));
        circuitRedis.Enabled = false;
        circuitHeap = await heap.LiveHeapBytesAsync();
        circuitBatches = bareCircuits.Sum(c => (long)c.Batches) - batchesBefore;
        foreach (var c in bareCircuits)
        {
            AddDelays(c.Seen().Select(e => (e.Text[..^2], (double)e.ShownAtMs)), circuitDelays);
        }

        var failed = bareCircuits.Where(c => c.Error is not null).Select(c => c.Error).Distinct().ToList();
        Console.WriteLine($"blazorpack circuits: {circuitBatches} render batches acknowledged in {seconds} s, {bareCircuits.Sum(c => c.JsCalls)} JS calls answered in all"
            + (failed.Count > 0 ? $"; server errors: {string.Join(" / ", failed)}" : ""));
    }

    // The raw subscribers' delays from now on, in a fresh log: the floor beside the phase about to be measured.
    DelayLog Resubscribe(List<ConnectionMultiplexer> subscribers)
    {
        var log = new DelayLog { Enabled = true };
        foreach (var peer in subscribers)
        {
            peer.GetSubscriber().UnsubscribeAll();
            peer.GetSubscriber().Subscribe(RedisChannel.Literal(BusTopics.VmStats.Channel), (_, value) =>
            {
                var poll = JsonSerializer.Deserialize((byte[])value!, BusTopics.VmStats.TypeInfo)!;
                log.Add((DateTimeOffset.UtcNow - poll.At).TotalMilliseconds);
            });
        }

        return log;
    }

    // A probe text shown at a time (Unix ms) was published at the latest publish of that text before it.
    void AddDelays(IEnumerable<(string Probe, double ShownAtMs)> seen, DelayLog log)
    {
        foreach (var (probe, shownAt) in seen)
        {
            if (published.TryGetValue(probe, out var times))
            {
                long publishedAt;
                lock (times)
                {
                    publishedAt = times.Where(t => t <= shownAt).DefaultIfEmpty(long.MinValue).Max();
                }

                if (publishedAt != long.MinValue)
                {
                    log.Add(shownAt - publishedAt);
                }
            }
        }
    }

    var browserSummary = browserDelays.Summary();
    var browserRedisSummary = browserRedis.Summary();
    Console.WriteLine();
    Console.WriteLine($"| clients | kind | delay samples | p50 ms | p99 ms | max ms | server CPU % of one core | server RSS MiB | RSS KiB per client | live heap MiB | live heap KiB per client | live heap KiB per client after the first |");
    Console.WriteLine($"|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine($"| 0 | idle | | | | | {idle.CpuPercent:0.0} | {idle.MedianRssKiB / 1024.0:0.0} | | {Heap(idleHeap)} | | |");
    Row(clientCount, "SignalR hub (/hubs/telemetry)", hubSummary, withHubs, hubHeap, firstHubHeap, clientCount);
    Row(clientCount, "raw Redis subscriber (peer, same time)", hubRedis, null, -1, -1, 0);
    if (circuits > 0)
    {
        Row(circuits, "Blazor circuit, Chromium /vms", browserSummary, withBrowsers, browserHeap, firstCircuitHeap, circuits);
        Row(clientCount, "raw Redis subscriber (peer, same time)", browserRedisSummary, null, -1, -1, 0);
    }

    if (bareCircuits.Count > 0)
    {
        Row(bareCircuits.Count, "Blazor circuit, blazorpack client /vms", circuitDelays.Summary(), withCircuits, circuitHeap, firstBareCircuitHeap, bareCircuits.Count);
        Row(clientCount, "raw Redis subscriber (peer, same time)", circuitRedis.Summary(), null, -1, -1, 0);
    }

    string Heap(long bytes) => bytes < 0 ? "" : (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    void Row(int n, string kind, (int Count, double P50, double P99, double Max) d, (double CpuPercent, long MedianRssKiB)? server, long heapBytes, long firstHeapBytes, int perClient)
    {
        var serverCells = server is { } s
            ? $"{s.CpuPercent:0.0} | {s.MedianRssKiB / 1024.0:0.0} | {(s.MedianRssKiB - idle.MedianRssKiB) / (double)perClient:0}"
            : " | | ";
        var heapCells = heapBytes >= 0 && idleHeap >= 0 && perClient > 0
            ? $"{Heap(heapBytes)} | {(heapBytes - idleHeap) / 1024.0 / perClient:0}"
            : " | ";
        var slopeCell = heapBytes >= 0 && firstHeapBytes >= 0 && perClient > 1
            ? ((heapBytes - firstHeapBytes) / 1024.0 / (perClient - 1)).ToString("0", CultureInfo.InvariantCulture)
            : "";
        Console.WriteLine($"| {n} | {kind} | {d.Count} | {d.P50:0} | {d.P99:0} | {d.Max:0} | {serverCells} | {heapCells} | {slopeCell} |");
    }
}
finally
{
    for (var i = cleanup.Count - 1; i >= 0; i--)
    {
        try
        {
            await cleanup[i]();
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine($"cleanup: {ex.Message}");
        }
    }

    Directory.Delete(work, recursive: true);
}

async Task PublishAsync(RedisTelemetryBus bus, ConcurrentDictionary<string, List<long>> published, int host, CancellationToken ct)
{
    var name = $"bench-node-{host}";
    var vms = Enumerable.Range(0, vmCount).Where(i => i % hostCount == host).ToArray();
    var start = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * (host * (double)periodMs / hostCount / 1000));
    for (var seq = 0; !ct.IsCancellationRequested; seq++)
    {
        var due = start + (long)(Stopwatch.Frequency * (seq * (double)periodMs / 1000));
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var at = DateTimeOffset.UtcNow;
        // The probe the browser pages read: every VM of this poll shows "<seq mod 100>.<host>" in its CPU cell.
        var cpu = (seq % 100) + (host / 10.0);
        var probe = cpu.ToString("0.0", CultureInfo.InvariantCulture);
        var poll = new HostPoll
        {
            Host = new HostSample { Host = name, Uri = "test:///bench", Cpus = 64, MemoryKiB = 512L << 20, VmsRunning = vms.Length, VmsTotal = vms.Length, At = at },
            Vms = [.. vms.Select(i => new VmSample
            {
                Host = name,
                Uuid = $"00000000-0000-4000-8000-{i:D12}",
                Name = $"vm-{i:D4}",
                State = "running",
                Vcpus = 2,
                CpuTimeNs = seq * 1_000_000_000L,
                CpuPercent = cpu,
                MaxMemoryKiB = 4L << 20,
                MemoryKiB = 4L << 20,
                NetRxBytesPerSec = 1000 + i,
                NetTxBytesPerSec = 2000 + i,
                RateSeconds = periodMs / 1000.0,
                At = at,
            })],
            PollMilliseconds = 5,
            At = at,
        };
        var times = published.GetOrAdd(probe, _ => []);
        lock (times)
        {
            times.Add(at.ToUnixTimeMilliseconds());
        }

        await bus.PublishAsync(BusTopics.VmStats, poll, ct);
    }
}

static Process Start(string file, IEnumerable<string> arguments, string workingDirectory)
{
    var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in arguments)
    {
        info.ArgumentList.Add(a);
    }

    info.Environment["DOTNET_NOLOGO"] = "1";
    // As the end-to-end tests run it: from a build output (not a publish), only Development serves the
    // packages' static web assets (blazor.web.js, MudBlazor), without which no circuit starts.
    info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
    var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
    // A failure is logged over several lines (category, message, exception): print them all, not the first.
    var failing = false;
    process.OutputDataReceived += (_, e) =>
    {
        if (e.Data is not { } l)
        {
            return;
        }

        if (!l.StartsWith(' '))
        {
            failing = l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal);
        }

        if (failing)
        {
            Console.Error.WriteLine($"[{file}] {l}");
        }
    };
    process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) { Console.Error.WriteLine($"[{file}] {l}"); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task Stop(Process process)
{
    if (!process.HasExited)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    process.Dispose();
}

static async Task WaitHealthyAsync(Uri baseUri, Process process)
{
    using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(5) };
    for (var deadline = DateTime.UtcNow.AddSeconds(90); DateTime.UtcNow < deadline; await Task.Delay(250))
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"the dashboard exited with {process.ExitCode}");
        }

        try
        {
            if ((await http.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // Not listening yet.
        }
    }

    throw new TimeoutException("the dashboard did not become healthy in 90 s");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string FindDashboard()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SdnDashboard.sln")))
    {
        dir = dir.Parent;
    }

    var found = dir is null ? [] : Directory.GetFiles(Path.Combine(dir.FullName, "Dashboard", "bin", "Release"), "SdnDashboard.Dashboard.dll", SearchOption.AllDirectories);
    return found.Length > 0 ? found[0] : throw new FileNotFoundException("build the dashboard first: dotnet build Dashboard -c Release");
}

/// <summary>Records, in the page, the first time each CPU-cell text appears (Unix ms), as Blazor patches the DOM.</summary>
internal static partial class Program
{
    /// <summary>A CPU cell's text as /vms renders it ("37.4 %"), the probe the publishers vary.</summary>
    private static bool IsCpuCell(string text) =>
        text.EndsWith(" %", StringComparison.Ordinal) && double.TryParse(text[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private const string ProbeScript = """
        () => {
          window.__seen = [];
          const known = new Set();
          for (const td of document.querySelectorAll('[data-testid=vm-cpu]')) known.add(td.textContent.replace('%', '').trim());
          new MutationObserver(records => {
            const now = Date.now();
            for (const r of records) {
              const el = r.target.nodeType === 3 ? r.target.parentElement : r.target;
              const cell = el && el.closest ? el.closest('[data-testid=vm-cpu]') : null;
              if (!cell) continue;
              const text = cell.textContent.replace('%', '').trim();
              if (!known.has(text)) { known.add(text); window.__seen.push([text, String(now)]); }
            }
          }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;
}

/// <summary>The part of a hub <c>cluster</c> or <c>delta</c> message the client needs.</summary>
internal sealed record HubMessage(long Sequence, IReadOnlyList<HubNode> Nodes);

/// <summary>One node of a hub message: its name and its poll time.</summary>
internal sealed record HubNode(string Host, DateTimeOffset At);
