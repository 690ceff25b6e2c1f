namespace SdnDashboard.Core.Balancing.Algorithms;

/// <summary>The algorithm names accepted in configuration, and the factory that makes them.</summary>
public static class BalancingAlgorithms
{
    public const string RoundRobin = nameof(RoundRobin);
    public const string WeightedRoundRobin = nameof(WeightedRoundRobin);
    public const string LeastConnections = nameof(LeastConnections);
    public const string LeastLoad = nameof(LeastLoad);
    public const string SourceHash = nameof(SourceHash);
    public const string PowerOfTwoChoices = nameof(PowerOfTwoChoices);

    public static readonly IReadOnlyList<string> Names =
        [RoundRobin, WeightedRoundRobin, LeastConnections, LeastLoad, SourceHash, PowerOfTwoChoices];

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes a fresh instance; throws <see cref="ArgumentException"/> for an unknown name.</summary>
    public static IBalancingAlgorithm Create(string name, LeastLoadWeights weights, Random random)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "ROUNDROBIN" => new RoundRobinAlgorithm(),
            "WEIGHTEDROUNDROBIN" => new WeightedRoundRobinAlgorithm(),
            "LEASTCONNECTIONS" => new LeastConnectionsAlgorithm(),
            "LEASTLOAD" => new LeastLoadAlgorithm(weights),
            "SOURCEHASH" => new SourceHashAlgorithm(),
            "POWEROFTWOCHOICES" => new PowerOfTwoChoicesAlgorithm(random),
            _ => throw new ArgumentException($"Unknown balancing algorithm '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>A stable (process-independent) 64-bit hash of a member name: FNV-1a, then mixed.</summary>
    public static ulong StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return SourceHashAlgorithm.Mix(hash);
    }
}
