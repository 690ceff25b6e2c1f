using System.Globalization;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>One controller's runs of one table row (version and mode), gathered over the rounds in which it took its turn.</summary>
internal sealed class RowResult
{
    private readonly List<List<double>> _rounds = [];
    private long _errors;
    private long _loopRounds;
    private long _loopEvents;
    private string? _failure;

    /// <summary>Adds one round's runs, the errors the switches saw, and the generator poll loop's rounds and events (zero outside it).</summary>
    public void Add(IReadOnlyList<double> rates, long errors, (long Rounds, long Events) loop)
    {
        _rounds.Add([.. rates]);
        _errors += errors;
        _loopRounds += loop.Rounds;
        _loopEvents += loop.Events;
    }

    /// <summary>Records that a round could not be measured; the row then says so instead of a median of what remains.</summary>
    public void Fail(string message) => _failure ??= message;

    /// <summary>The median run of one round, or NaN if the round was not measured.</summary>
    public double RoundMedian(int round) => round < _rounds.Count && _rounds[round].Count > 0 ? Median(_rounds[round]) : double.NaN;

    public int Rounds => _rounds.Count;

    /// <summary>The markdown row: median, min and max over every run, then the runs in measured order.</summary>
    public string Row(string label)
    {
        var all = _rounds.SelectMany(r => r).ToList();
        if (_failure is not null || all.Count == 0)
        {
            return $"{label} failed: {_failure ?? "no run measured"} | | | |";
        }

        var runs = string.Join(" / ", _rounds.Select(r => string.Join(" ", r.Select(Format))));
        // In the poll loop, how many ready sockets one round of the generator served: 1 means every reply woke it alone.
        var perRound = _loopRounds > 0 ? $" ({(double)_loopEvents / _loopRounds:F2} replies per generator round)" : "";
        return $"{label} {Format(Median(all))} | {Format(all.Min())} | {Format(all.Max())} | {runs}{(_errors > 0 ? $" (errors {_errors})" : "")}{perRound} |";
    }

    /// <summary>
    /// One controller over another (ours over a peer, or the floor over os-ken): the median of the round-by-round
    /// ratios of their round medians, with each round's ratio, so a spell that slowed one round shows as one low ratio
    /// among the others.
    /// </summary>
    public static string RatioLine(string row, string name, RowResult controller, string peerName, RowResult peer)
    {
        var perRound = Enumerable.Range(0, Math.Min(controller.Rounds, peer.Rounds))
            .Select(r => controller.RoundMedian(r) / peer.RoundMedian(r))
            .Where(x => double.IsFinite(x) && x > 0)
            .ToList();
        return perRound.Count == 0
            ? $"- {row}: {name} / {peerName}: not measured"
            : $"- {row}: {name} / {peerName} = **{Median(perRound).ToString("F1", CultureInfo.InvariantCulture)}x** (median of rounds; rounds: "
                + $"{string.Join(", ", perRound.Select(x => x.ToString("F1", CultureInfo.InvariantCulture) + "x"))})";
    }

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Format(double x) => x.ToString("F0", CultureInfo.InvariantCulture);
}
