using System.Diagnostics;
using System.Globalization;
using SdnDashboard.Bench.OpenFlow;

// OpenFlowBench run   [--switches 16] [--macs 1000] [--window 256] [--seconds 3] [--runs 5] [--warmup 6]
//                     [--controllers ours,ovs-testcontroller,os-ken] [--versions 13,10] [--modes throughput,latency]
//                     [--latency-loop poll|tasks] [--generator-spin-us 0] [--pin on|off]
// OpenFlowBench serve --port N [--stats-interval S] [--host 127.0.0.1]
// OpenFlowBench micro
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Opt(string key, string fallback) => options.TryGetValue(key, out var v) ? v : fallback;
int IntOpt(string key, int fallback) => int.Parse(Opt(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var verb = args.Length > 0 ? args[0] : "run";
if (verb == "micro")
{
    return MicroCommand.Run();
}

if (verb == "serve")
{
    return await ServeCommand.RunAsync(IntOpt("port", 6653), IntOpt("stats-interval", 0), Opt("host", "127.0.0.1"));
}

var switches = IntOpt("switches", 16);
var macs = IntOpt("macs", 1000);
var window = IntOpt("window", 256);
var seconds = IntOpt("seconds", 3);
var runs = IntOpt("runs", 5);
var warmup = IntOpt("warmup", 6);
var controllers = Opt("controllers", "ours,ovs-testcontroller,os-ken").Split(',');
var versions = Opt("versions", "13,10").Split(',').Select(v => v == "13" ? (byte)4 : (byte)1).ToArray();
var modes = Opt("modes", "throughput,latency").Split(',');
var latencyLoop = Opt("latency-loop", "poll");
// How long the latency poll loop polls without sleeping after a round that found something (0: it always sleeps).
var generatorSpin = IntOpt("generator-spin-us", 0);
if (generatorSpin < 0)
{
    throw new ArgumentException($"--generator-spin-us is {generatorSpin}; allowed: 0 or more");
}

// Latency mode (poll loop): the generator's loop thread on the last CPU, the controller's process on the others, so
// the two each own a core; throughput mode's generator is many pool threads and is never pinned.
var pin = Opt("pin", "on");
if (pin is not ("on" or "off"))
{
    throw new ArgumentException($"--pin is '{pin}'; allowed: on, off");
}

var generatorCpu = pin == "on" && Environment.ProcessorCount >= 2 ? Environment.ProcessorCount - 1 : -1;
var controllerCpus = generatorCpu > 0 ? $"0-{generatorCpu - 1}" : null;
if (latencyLoop is not ("poll" or "tasks"))
{
    throw new ArgumentException($"--latency-loop is '{latencyLoop}'; allowed: poll, tasks");
}

Console.WriteLine($"# OpenFlowBench: {switches} emulated switches, {macs} MACs each, window {window} (throughput) / 1 (latency), "
    + $"{warmup} s warm-up, {runs} runs x {seconds} s, latency loop {latencyLoop} (spin {generatorSpin} µs, "
    + $"{(generatorCpu > 0 ? $"generator on CPU {generatorCpu}, controller on CPUs {controllerCpus}" : "not pinned")}), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine("| version | mode | controller | median flow setups/s | min | max | runs |");
Console.WriteLine("|---|---|---|---:|---:|---:|---|");
foreach (var version in versions)
{
    foreach (var mode in modes)
    {
        foreach (var name in controllers)
        {
            var result = await MeasureAsync(name, version, mode == "latency" ? 1 : window);
            Console.WriteLine(result);
        }
    }
}

return 0;

async Task<string> MeasureAsync(string name, byte version, int windowSize)
{
    var label = $"| {(version == 4 ? "1.3" : "1.0")} | {(windowSize == 1 ? "latency" : "throughput")} | {name} |";
    var polled = windowSize == 1 && latencyLoop == "poll";
    using var peer = await Peer.StartAsync(name, polled ? controllerCpus : null);
    var fleet = Enumerable.Range(1, switches).Select(i => new EmulatedSwitch(i, version, macs, windowSize)).ToArray();
    using var stop = new CancellationTokenSource();
    try
    {
        foreach (var sw in fleet)
        {
            sw.Connect(peer.Endpoint);
        }

        // The handshakes and learning phases run side by side, one thread each (they wait with blocking calls).
        await Task.WhenAll(fleet.Select(s => Task.Factory.StartNew(() => s.Learn(stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
        // Latency mode polls every switch from one thread with epoll, as cbench does with poll(2), unless
        // --latency-loop tasks asks for the async per-switch loop of throughput mode (the method of the figures
        // recorded before 2026-11-28 11:30).
        Task[] load = polled
            ? [Task.Factory.StartNew(() => EmulatedSwitch.PollLoop(fleet, TimeSpan.FromMicroseconds(generatorSpin), generatorCpu, stop.Token), TaskCreationOptions.LongRunning)]
            : fleet.Select(s => Task.Run(() => s.LoadAsync(stop.Token))).ToArray();
        // Warm-up: tiered JIT settles in both processes before the measured runs. Each row starts its controller
        // afresh; under this machine's load the dashboard still tiered up during a 3 s warm-up (a rising first run).
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var rates = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            var before = fleet.Sum(s => s.FlowMods);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var after = fleet.Sum(s => s.FlowMods);
            rates.Add((after - before) / clock.Elapsed.TotalSeconds);
        }

        await stop.CancelAsync();
        await Task.WhenAll(load).WaitAsync(TimeSpan.FromSeconds(10));
        // Runs are listed in the order they were measured (a trend shows a warm-up or a neighbour's burst).
        var runsText = string.Join(" ", rates.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)));
        var sorted = rates.Order().ToList();
        var errors = fleet.Sum(s => s.Errors);
        // In the poll loop, how many ready sockets one round of the generator served: 1 means every reply woke it alone.
        var perRound = polled && EmulatedSwitch.LastLoopRounds > 0
            ? $" ({(double)EmulatedSwitch.LastLoopEvents / EmulatedSwitch.LastLoopRounds:F2} replies per generator round)" : "";
        return $"{label} {sorted[sorted.Count / 2]:F0} | {sorted[0]:F0} | {sorted[^1]:F0} | {runsText}{(errors > 0 ? $" (errors {errors})" : "")}{perRound} |";
    }
    catch (Exception ex) when (ex is IOException or TimeoutException or System.Net.Sockets.SocketException)
    {
        return $"{label} failed: {ex.Message} | | | |";
    }
    finally
    {
        await stop.CancelAsync();
        foreach (var sw in fleet)
        {
            sw.Close();
        }
    }
}
