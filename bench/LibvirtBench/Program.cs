using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SdnDashboard.Bench.Libvirt;
using SdnDashboard.Collectors.Libvirt;
using SdnDashboard.Core.Rates;
using SdnDashboard.Core.Serialization;
using SdnDashboard.Core.Telemetry;

// Full libvirt poll cycle of the collector against libvirt's own calls and virsh, on the test driver with
// 10, 100 and 1000 domains. Usage: dotnet run -c Release --project bench/LibvirtBench [-- runs]
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var generator = FindGenerator();
var folder = Directory.CreateTempSubdirectory("sdn-libvirt-bench-").FullName;
try
{
    Console.WriteLine($"runs per figure: {runs} (median), machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}");
    Console.WriteLine("| domains | collector poll: read + rates | of which rates | first poll (XML read) | libvirt calls alone | ratio | JSON for Redis (batch + latest) | virsh domstats | virsh domifstat, 1 process | virsh domifstat, 1 process per domain |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var count in new[] { 10, 100, 1000 })
    {
        var file = Path.Combine(folder, $"domains-{count}.xml");
        Run("python3", generator, count.ToString(CultureInfo.InvariantCulture), file);
        var uri = "test://" + file;
        using var connection = LibvirtConnection.OpenReadOnly(uri);

        var cold = new List<double>();
        for (var i = 0; i < Math.Min(runs, 5); i++)
        {
            var fresh = new LibvirtHostReader(connection, "bench");
            cold.Add(Time(() => FullCycle(fresh, new VmRateTracker(TimeSpan.FromSeconds(6)))));
        }

        var reader = new LibvirtHostReader(connection, "bench", xmlRefreshPolls: int.MaxValue);
        var tracker = new VmRateTracker(TimeSpan.FromHours(1));
        FullCycle(reader, tracker);
        var devices = Enumerable.Range(0, count).ToDictionary(i => $"scale-{i:d5}", i => ($"tap{i:x8}-00", "vda"));
        RawLibvirtPoll.Run(connection, devices);
        var warm = new List<double>();
        var rates = new List<double>();
        var json = new List<double>();
        var raw = new List<double>();
        // Alternating the collector and the bare calls lets both see the same noise from other work.
        for (var i = 0; i < runs; i++)
        {
            var (pollMs, rateMs, poll) = TimedCycle(reader, tracker);
            warm.Add(pollMs);
            rates.Add(rateMs);
            json.Add(Time(() => Encode(poll)));
            raw.Add(Time(() => RawLibvirtPoll.Run(connection, devices)));
        }

        var virshRuns = Math.Max(3, runs / 3);
        var domstats = Enumerable.Range(0, virshRuns).Select(_ => Time(() => Run("virsh", "-c", uri, "domstats"))).ToList();
        var names = Enumerable.Range(0, count).Select(i => $"scale-{i:d5}").ToList();
        var batch = string.Join("; ", names.Select((n, i) => $"domifstat {n} tap{i:x8}-00"));
        var ifstatBatch = Enumerable.Range(0, virshRuns).Select(_ => Time(() => Run("virsh", "-c", uri, batch))).ToList();
        // One virsh per domain is how a shell loop does it; at 1000 domains it takes minutes, so it is
        // measured on the first 20 domains and scaled to all of them.
        var loopSample = Math.Min(count, 20);
        var loop = Time(() =>
        {
            for (var i = 0; i < loopSample; i++)
            {
                Run("virsh", "-c", uri, "domifstat", names[i], $"tap{i:x8}-00");
            }
        }) * count / loopSample;

        var w = Median(warm);
        var r = Median(raw);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {w:F2} ms | {Median(rates):F2} ms | {Median(cold):F2} ms | {r:F2} ms | {w / r:F2}x | {Median(json):F2} ms | {Median(domstats):F1} ms | {Median(ifstatBatch):F1} ms | {loop:F0} ms{(loopSample < count ? $" (20 measured, scaled)" : "")} |"));
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static IReadOnlyList<VmSample> FullCycle(LibvirtHostReader reader, VmRateTracker tracker)
{
    var now = DateTimeOffset.UtcNow;
    return tracker.Apply(reader.Read(now).Vms, now);
}

static (double PollMs, double RatesMs, HostPoll Poll) TimedCycle(LibvirtHostReader reader, VmRateTracker tracker)
{
    var now = DateTimeOffset.UtcNow;
    var start = Stopwatch.GetTimestamp();
    var reading = reader.Read(now);
    var read = Stopwatch.GetTimestamp();
    var vms = tracker.Apply(reading.Vms, now);
    var end = Stopwatch.GetTimestamp();
    return (Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, Stopwatch.GetElapsedTime(read, end).TotalMilliseconds,
        new HostPoll { Host = reading.Host, Vms = vms, At = now });
}

// What the Redis bus serializes per poll: the batch message and one latest-state value per VM.
static int Encode(HostPoll poll) =>
    JsonSerializer.SerializeToUtf8Bytes(poll, BusJsonContext.Default.HostPoll).Length
    + poll.Vms.Sum(v => JsonSerializer.SerializeToUtf8Bytes(v, BusJsonContext.Default.VmSample).Length);

static double Time(Action action)
{
    var start = Stopwatch.GetTimestamp();
    action();
    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static void Run(string program, params string[] arguments)
{
    var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEnd();
    process.WaitForExit();
    _ = stdout.Result;
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} {string.Join(' ', arguments)[..Math.Min(200, string.Join(' ', arguments).Length)]} failed: {stderr}");
    }
}

static string FindGenerator()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "Dashboard.Tests", "TestData", "libvirt", "generate-domains.py");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("generate-domains.py not found above " + AppContext.BaseDirectory);
}
