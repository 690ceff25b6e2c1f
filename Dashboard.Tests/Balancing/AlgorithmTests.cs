using SdnDashboard.Core.Balancing;
using SdnDashboard.Core.Balancing.Algorithms;

namespace SdnDashboard.Tests.Balancing;

public class AlgorithmTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RoundRobin_TakesMembersInIdOrder_AndSkippedMembersDoNotShiftTheTurn()
    {
        var rr = new RoundRobinAlgorithm();
        var all = Candidates(1, 2, 3);
        Assert.Equal([1, 2, 3, 1], Picks(rr, all, 4));
        Assert.Equal([3], Picks(rr, Candidates(1, 3), 1));
        Assert.Equal([1, 2], Picks(rr, all, 2));
    }

    [Theory]
    [InlineData(new[] { 5, 1, 1 })]
    [InlineData(new[] { 3, 2, 1 })]
    [InlineData(new[] { 1, 1, 1, 7 })]
    public void WeightedRoundRobin_OverOneCycle_MatchesTheWeightsExactly(int[] weights)
    {
        var wrr = new WeightedRoundRobinAlgorithm();
        var candidates = weights.Select((w, i) => new MemberCandidate(i + 1, (ulong)i, w, null, 0, 0)).ToArray();
        for (var cycle = 0; cycle < 3; cycle++)
        {
            var counts = Picks(wrr, candidates, weights.Sum()).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            for (var i = 0; i < weights.Length; i++)
            {
                Assert.Equal(weights[i], counts.GetValueOrDefault(i + 1));
            }
        }
    }

    [Fact]
    public void WeightedRoundRobin_IsSmooth_NoRunOfTheHeavyMember()
    {
        var picks = Picks(new WeightedRoundRobinAlgorithm(), [new(1, 1, 5, null, 0, 0), new(2, 2, 1, null, 0, 0), new(3, 3, 1, null, 0, 0)], 7);
        Assert.Equal([1, 1, 2, 1, 3, 1, 1], picks);
    }

    [Fact]
    public void LeastConnections_TakesFewestClientsPerWeight()
    {
        var lc = new LeastConnectionsAlgorithm();
        MemberCandidate[] candidates = [new(1, 1, 1, null, 4, 0), new(2, 2, 1, null, 2, 0), new(3, 3, 2, null, 3, 0)];
        Assert.Equal(2, lc.Select(candidates, 0));
        candidates[2] = candidates[2] with { ActiveClients = 5 };
        Assert.Equal(1, lc.Select(candidates, 0));
    }

    [Fact]
    public void PowerOfTwoChoices_NeverPicksTheMostLoaded_AndSpreadsOverTheRest()
    {
        var p2c = new PowerOfTwoChoicesAlgorithm(new Random(7));
        MemberCandidate[] candidates = [new(1, 1, 1, null, 50, 0), new(2, 2, 1, null, 0, 0), new(3, 3, 1, null, 0, 0), new(4, 4, 1, null, 0, 0)];
        var counts = new int[4];
        for (var i = 0; i < 3000; i++)
        {
            counts[p2c.Select(candidates, (ulong)i)]++;
        }

        Assert.Equal(0, counts[0]);
        Assert.All(counts[1..], c => Assert.InRange(c, 800, 1200));
        Assert.Equal(0, p2c.Select(candidates[..1], 0));
    }

    [Fact]
    public void PowerOfTwoChoices_WithLiveCounts_StaysWithinOneOfEven()
    {
        var p2c = new PowerOfTwoChoicesAlgorithm(new Random(3));
        var candidates = Enumerable.Range(1, 5).Select(i => new MemberCandidate(i, (ulong)i, 1, null, 0, 0)).ToArray();
        for (var i = 0; i < 500; i++)
        {
            var chosen = p2c.Select(candidates, 0);
            candidates[chosen] = candidates[chosen] with { ActiveClients = candidates[chosen].ActiveClients + 1 };
        }

        Assert.InRange(candidates.Max(c => c.ActiveClients) - candidates.Min(c => c.ActiveClients), 0, 4);
    }

    [Fact]
    public void SourceHash_AddingAFourthMember_MovesAboutAQuarterOfClients_AllToTheNewMember()
    {
        var hash = new SourceHashAlgorithm();
        var three = Named("m1", "m2", "m3");
        var four = Named("m1", "m2", "m3", "m4");
        var moved = 0;
        var perMember = new int[4];
        for (ulong client = 0; client < 1000; client++)
        {
            var key = 0x5254_0001_0000UL + client;
            var before = three[hash.Select(three, key)].MemberId;
            var after = four[hash.Select(four, key)].MemberId;
            perMember[after - 1]++;
            if (before != after)
            {
                moved++;
                Assert.Equal(4, after);
            }

            Assert.Equal(after, four[hash.Select(four, key)].MemberId);
        }

        Assert.InRange(moved, 150, 350);
        Assert.All(perMember, c => Assert.InRange(c, 170, 330));
    }

    [Fact]
    public void SourceHash_RemovingAMember_MovesOnlyItsClients_SpreadOverTheRest()
    {
        var hash = new SourceHashAlgorithm();
        var four = Named("m1", "m2", "m3", "m4");
        var withoutM2 = four.Where(c => c.MemberId != 2).ToArray();
        var movedTo = new int[5];
        for (ulong client = 0; client < 1000; client++)
        {
            var key = 0x5254_0001_0000UL + client;
            var before = four[hash.Select(four, key)].MemberId;
            var after = withoutM2[hash.Select(withoutM2, key)].MemberId;
            if (before == 2)
            {
                movedTo[after]++;
            }
            else
            {
                Assert.Equal(before, after);
            }
        }

        Assert.Equal(0, movedTo[2]);
        Assert.All(new[] { movedTo[1], movedTo[3], movedTo[4] }, c => Assert.InRange(c, 40, 140));
    }

    [Fact]
    public void SourceHash_HonoursWeights()
    {
        var hash = new SourceHashAlgorithm();
        var candidates = Named("m1", "m2");
        candidates[0] = candidates[0] with { Weight = 3 };
        var first = Enumerable.Range(0, 4000).Count(k => hash.Select(candidates, (ulong)k * 7919) == 0);
        Assert.InRange(first, 2800, 3200);
    }

    [Fact]
    public void LeastLoad_AvoidsTheLoadedMember_AndCorrectsForAssignmentsSinceTheSample()
    {
        var ll = new LeastLoadAlgorithm(new LeastLoadWeights());
        var idle = new MemberLoad(10, 20, 0, Now, MemberLoad.Running);
        var busy = new MemberLoad(90, 60, 50_000_000, Now, MemberLoad.Running);
        MemberCandidate[] candidates = [new(1, 1, 1, busy, 0, 0), new(2, 2, 1, idle, 0, 0), new(3, 3, 1, idle, 0, 0)];
        var picks = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var chosen = ll.Select(candidates, 0);
            picks.Add(candidates[chosen].MemberId);
            candidates[chosen] = candidates[chosen] with { AssignedSinceSample = candidates[chosen].AssignedSinceSample + 1 };
        }

        Assert.DoesNotContain(1, picks);
        Assert.Equal(3, picks.Count(p => p == 2));
        Assert.Equal(3, picks.Count(p => p == 3));
    }

    [Fact]
    public void LeastLoad_WithUnknownLoad_UsesLiveClientCounts()
    {
        var ll = new LeastLoadAlgorithm(new LeastLoadWeights());
        MemberCandidate[] candidates = [new(1, 1, 1, null, 3, 0), new(2, 2, 1, null, 1, 0)];
        Assert.Equal(1, ll.Select(candidates, 0));
    }

    [Fact]
    public void Factory_KnowsEveryNameAndRejectsOthers()
    {
        foreach (var name in BalancingAlgorithms.Names)
        {
            Assert.Equal(name, BalancingAlgorithms.Create(name.ToLowerInvariant(), new LeastLoadWeights(), new Random(1)).Name);
        }

        Assert.Throws<ArgumentException>(() => BalancingAlgorithms.Create("Fastest", new LeastLoadWeights(), new Random(1)));
    }

    private static MemberCandidate[] Candidates(params int[] ids) => [.. ids.Select(id => new MemberCandidate(id, (ulong)id, 1, null, 0, 0))];

    private static MemberCandidate[] Named(params string[] names) =>
        [.. names.Select((n, i) => new MemberCandidate(i + 1, BalancingAlgorithms.StableHash(n), 1, null, 0, 0))];

    private static List<int> Picks(IBalancingAlgorithm algorithm, MemberCandidate[] candidates, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => candidates[algorithm.Select(candidates, 0)].MemberId)];
}
