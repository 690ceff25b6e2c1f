using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace SdnDashboard.Bench.Dashboard;

/// <summary>
/// What one Blazor circuit keeps on a given page: opens N circuits on each page in turn (headless Chromium,
/// one tab = one circuit), and reads the live managed heap after a full GC before, after the first and after
/// the last circuit. A page with only the layout beside <c>/vms</c> separates the layout's cost from the page's.
/// </summary>
internal static class CircuitMemory
{
    /// <summary>
    /// Runs the pages in order, in one browser, and prints one table row per page; <paramref name="dump"/> is
    /// called with a label after the first and after the last circuit of each page, e.g. to take a heap dump.
    /// </summary>
    public static async Task RunAsync(Uri baseUri, IReadOnlyList<string> pages, int circuits, GcHeapProbe heap, string adminPassword, Func<string, Task> dump)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync();

        // Sign in once, on a throw-away tab whose circuit is closed before any measurement.
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync(new Uri(baseUri, "settings").ToString(), new() { Timeout = 60_000 });
        await signIn.GetByTestId("login-user").FillAsync("admin");
        await signIn.GetByTestId("login-password").FillAsync(adminPassword);
        await signIn.GetByTestId("login-submit").ClickAsync();
        await WaitCircuitAsync(signIn, "/settings");
        await signIn.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await MeasureAsync(pages, circuits, heap, dump, "Chromium tab", async path =>
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(baseUri, path.TrimStart('/')).ToString(), new() { Timeout = 60_000 });
            await WaitCircuitAsync(page, path);
            // Closing a tab ends its circuit at once: blazor.web.js sends the disconnect beacon on unload.
            return () => page.CloseAsync();
        });
    }

    /// <summary>
    /// The same measurement with circuits opened by <see cref="BlazorCircuitClient"/> (Blazor's own protocol, no
    /// browser), authenticated with a bearer token.
    /// </summary>
    public static Task RunWithoutBrowserAsync(Uri baseUri, IReadOnlyList<string> pages, int circuits, GcHeapProbe heap, string bearerToken, Func<string, Task> dump) =>
        MeasureAsync(pages, circuits, heap, dump, "blazorpack client", async path =>
        {
            var client = await BlazorCircuitClient.ConnectAsync(baseUri, path, bearerToken, _ => false, CancellationToken.None);
            return async () =>
            {
                // A circuit the server ended with an error holds nothing: its page's figure would be too low.
                if (client.Error is { } error)
                {
                    throw new InvalidOperationException($"the circuit on {path} failed: {error}");
                }

                await client.DisposeAsync();
            };
        });

    private static async Task MeasureAsync(IReadOnlyList<string> pages, int circuits, GcHeapProbe heap, Func<string, Task> dump, string kind, Func<string, Task<Func<Task>>> open)
    {

        var rows = new List<string>();
        foreach (var path in pages)
        {
            var load0 = LoadAverage();
            // The shared feed's history grows by itself (about 1 MB a minute with 1,000 VMs until its 15 minutes are
            // full); its growth over 20 s without circuits is taken out of the per-circuit figures.
            var drift0 = await heap.LiveHeapBytesAsync();
            var driftClock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(20));
            var before = await heap.LiveHeapBytesAsync();
            var drift = (before - drift0) / driftClock.Elapsed.TotalSeconds;
            var phaseClock = Stopwatch.StartNew();
            long first = -1;
            var closers = new List<Func<Task>>();
            for (var i = 0; i < circuits; i++)
            {
                closers.Add(await open(path));
                if (i == 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5));
                    first = await heap.LiveHeapBytesAsync();
                    await dump($"{Label(path)}-1");
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
            var after = await heap.LiveHeapBytesAsync();
            var phaseSeconds = phaseClock.Elapsed.TotalSeconds;
            await dump($"{Label(path)}-{circuits}");
            var load1 = LoadAverage();
            foreach (var close in closers)
            {
                await close();
            }

            // What the closing frees is what the circuits held, without the feed's history that grew meanwhile.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var closed = await heap.LiveHeapBytesAsync();
            var closingSeconds = phaseClock.Elapsed.TotalSeconds - phaseSeconds;
            var perCircuit = (after - before) / 1024.0 / circuits;
            var slope = circuits > 1 ? ((after - first) / 1024.0 / (circuits - 1)).ToString("0", CultureInfo.InvariantCulture) : "";
            var freed = (after - closed) / 1024.0 / circuits;
            var perCircuitNet = (after - before - (drift * phaseSeconds)) / 1024.0 / circuits;
            var freedNet = (after - closed + (drift * closingSeconds)) / 1024.0 / circuits;
            var row = $"| {path} | {kind} | {circuits} | {Mib(before)} | {Mib(first)} | {Mib(after)} | {Mib(closed)} | {perCircuit:0} | {slope} | {freed:0} | {drift / 1024.0:0.0} | {perCircuitNet:0} | {freedNet:0} | {load0} → {load1} |";
            Console.WriteLine(row);
            rows.Add(row);
        }

        Console.WriteLine();
        Console.WriteLine("| page | client | circuits | live heap before MiB | after the first MiB | after all MiB | 10 s after closing MiB | KiB per circuit | KiB per circuit after the first | KiB freed per circuit on closing | feed growth KiB/s | KiB per circuit, growth removed | KiB freed per circuit, growth removed | load average (1 min) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task WaitCircuitAsync(IPage page, string path)
    {
        await page.WaitForFunctionAsync("() => document.body?.dataset.circuit === 'up'", null, new() { Timeout = 60_000 });
        if (path.TrimEnd('/').Equals("/vms", StringComparison.Ordinal))
        {
            await page.WaitForSelectorAsync("[data-testid=vm-cpu]", new() { Timeout = 60_000 });
        }
    }

    private static string Label(string path) => path.Trim('/').Replace('/', '-') is { Length: > 0 } l ? l : "root";

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
