using System.Diagnostics;
using System.Globalization;
using SdnDashboard.Bench.OpenFlow;

const string Usage = """
    OpenFlowBench run   [--switches 16] [--macs 1000] [--window 256] [--seconds 3] [--runs 6] [--rounds 3] [--warmup 6]
                        [--controllers ours,ovs-testcontroller,os-ken[,null-c]] [--versions 13,10] [--modes throughput,latency]
                        [--latency-loop poll|tasks] [--generator-spin-us 0] [--pin on|off]
    OpenFlowBench serve --port N [--stats-interval S] [--host 127.0.0.1]
    OpenFlowBench micro
    """;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Opt(string key, string fallback) => options.TryGetValue(key, out var v) ? v : fallback;
int IntOpt(string key, int fallback) => int.Parse(Opt(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

var verb = args.Length > 0 ? args[0] : "run";
if (verb is not ("run" or "serve" or "micro") || (args.Length > 0 && args.Length % 2 == 0))
{
    // An unknown verb, --help, or an option without its value: say how to call it rather than start a 20-minute run.
    Console.Error.WriteLine(verb is "run" or "serve" or "micro" ? $"every option takes a value: {string.Join(' ', args)}" : $"unknown verb '{verb}'");
    Console.Error.WriteLine(Usage);
    return 2;
}
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
var runs = IntOpt("runs", 6);
// The controllers take turns: each row's runs are split over this many rounds, and in every round each controller is
// started afresh, warmed up and measured once, one after the other. On this shared machine a neighbour's burst or a
// slow spell lasts tens of seconds; measured in turns, every controller meets it, not only the one that was running.
var rounds = Math.Min(IntOpt("rounds", 3), runs);
if (runs < 1 || rounds < 1)
{
    throw new ArgumentException($"--runs is {runs} and --rounds {rounds}; allowed: 1 or more each");
}

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
    + $"{warmup} s warm-up, {runs} runs x {seconds} s in {rounds} rounds (controllers take turns), latency loop {latencyLoop} (spin {generatorSpin} µs, "
    + $"{(generatorCpu > 0 ? $"generator on CPU {generatorCpu}, controller on CPUs {controllerCpus}" : "not pinned")}), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine("| version | mode | controller | median flow setups/s | min | max | runs (in measured order, rounds split by /) |");
Console.WriteLine("|---|---|---|---:|---:|---:|---|");
var ratios = new List<string>();
foreach (var version in versions)
{
    var versionName = version == 4 ? "1.3" : "1.0";
    foreach (var mode in modes)
    {
        var windowSize = mode == "latency" ? 1 : window;
        var results = controllers.ToDictionary(name => name, name => new RowResult());
        for (var round = 0; round < rounds; round++)
        {
            // Round r takes its share of the runs: 6 runs in 3 rounds are 2 + 2 + 2, 5 are 2 + 2 + 1.
            var roundRuns = runs / rounds + (round < runs % rounds ? 1 : 0);
            foreach (var name in controllers)
            {
                Console.Error.WriteLine($"# {DateTime.UtcNow:HH:mm:ss} {versionName} {mode} {name}: round {round + 1} of {rounds}");
                await MeasureAsync(name, version, windowSize, roundRuns, results[name]);
            }
        }

        foreach (var name in controllers)
        {
            Console.WriteLine(results[name].Row($"| {versionName} | {mode} | {name} |"));
        }

        ratios.AddRange(controllers.Where(c => c != "ours" && controllers.Contains("ours"))
            .Select(peer => RowResult.RatioLine($"{versionName} {mode}", "ours", results["ours"], peer, results[peer])));
        if (controllers.Contains("null-c") && controllers.Contains("os-ken"))
        {
            // The floor over os-ken: what this machine allows over os-ken at all (ours over the floor is a line above).
            ratios.Add(RowResult.RatioLine($"{versionName} {mode}", "null-c", results["null-c"], "os-ken", results["os-ken"]));
        }
    }
}

// Ours over each peer, round by round: both were measured within a minute of each other, so the machine's slow spells
// weigh on both sides of each ratio.
Console.WriteLine();
foreach (var line in ratios)
{
    Console.WriteLine(line);
}

return 0;

async Task MeasureAsync(string name, byte version, int windowSize, int roundRuns, RowResult result)
{
    var polled = windowSize == 1 && latencyLoop == "poll";
    using var peer = await Peer.StartAsync(name, polled ? controllerCpus : null);
    var fleet = Enumerable.Range(1, switches).Select(i => new EmulatedSwitch(i, version, macs, windowSize)).ToArray();
    using var stop = new CancellationTokenSource();
    var rates = new List<double>();
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
        // Warm-up: tiered JIT settles in both processes before the measured runs. Each round starts its controller
        // afresh; under this machine's load the dashboard still tiered up during a 3 s warm-up (a rising first run).
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        for (var r = 0; r < roundRuns; r++)
        {
            var before = fleet.Sum(s => s.FlowMods);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var after = fleet.Sum(s => s.FlowMods);
            rates.Add((after - before) / clock.Elapsed.TotalSeconds);
        }

        await stop.CancelAsync();
        await Task.WhenAll(load).WaitAsync(TimeSpan.FromSeconds(10));
        result.Add(rates, fleet.Sum(s => s.Errors), polled ? (EmulatedSwitch.LastLoopRounds, EmulatedSwitch.LastLoopEvents) : (0, 0));
    }
    catch (Exception ex) when (ex is IOException or TimeoutException or System.Net.Sockets.SocketException)
    {
        result.Fail(ex.Message);
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
