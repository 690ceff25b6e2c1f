using Bunit;
using SdnDashboard.Dashboard.Components.Pages;

namespace SdnDashboard.Tests.Components;

public sealed class NodesAndVmsTests : LivePageTestContext
{
    [Fact]
    public void Nodes_ShowOneRowPerHypervisor_WithItsVmCounts_Live()
    {
        var cut = Render<Nodes>();
        Assert.Contains("No compute node has reported yet", cut.Markup, StringComparison.Ordinal);

        Feed.Apply(Poll("compute1", Vm("compute1", "a"), Vm("compute1", "b", "shutoff")));
        Feed.Apply(Poll("compute2", Vm("compute2", "c")));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(["compute1", "compute2"], cut.FindAll("[data-testid=node-name]").Select(e => e.TextContent).ToArray());
            Assert.Equal(["1 / 2", "1 / 1"], cut.FindAll("[data-testid=node-vms]").Select(e => e.TextContent).ToArray());
        });
        Assert.Contains("2 / 16", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("reporting", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Vms_ListEveryVm_WithNovaNames_AndTheFilterNarrowsThem()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "web-1", cpu: 12.5, rx: 2500), Vm("compute1", "db-1", "paused")));
        var cut = Render<Vms>();

        Assert.Equal(["db-1", "web-1"], cut.FindAll("[data-testid=vm-name]").Select(e => e.TextContent).ToArray());
        Assert.Contains("instance-web-1", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("12.5 %", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("2.5 kB/s", cut.Markup, StringComparison.Ordinal);

        cut.Find("input[data-testid=vms-filter], [data-testid=vms-filter] input").Input("paused");
        cut.WaitForAssertion(() => Assert.Equal(["db-1"], cut.FindAll("[data-testid=vm-name]").Select(e => e.TextContent).ToArray()));
    }

    [Fact]
    public void Vms_ChangeLive_WhenANewPollArrives()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "web-1", cpu: 1)));
        var cut = Render<Vms>();

        Feed.Apply(Poll("compute1", Vm("compute1", "web-1", cpu: 77), Vm("compute1", "web-2")));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(2, cut.FindAll("[data-testid=vm-name]").Count);
            Assert.Contains("77.0 %", cut.Markup, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Vms_RenderOnePageOfRows_SortedOnTheServer_AndKeepTheSortWhenAPollArrives()
    {
        var many = Enumerable.Range(0, 60).Select(i => Vm("compute1", $"vm-{i:D2}", cpu: (i * 37) % 60)).ToArray();
        Feed.Apply(Poll("compute1", many));
        var cut = Render<Vms>();

        cut.WaitForAssertion(() => Assert.Equal(Dashboard.Components.Pages.Vms.PageSize, cut.FindAll("[data-testid=vm-name]").Count));
        Assert.Equal("vm-00", cut.FindAll("[data-testid=vm-name]")[0].TextContent);
        Assert.DoesNotContain("vm-59", cut.Markup, StringComparison.Ordinal);

        cut.FindAll(".mud-table-sort-label").Single(e => e.TextContent.Contains("CPU", StringComparison.Ordinal)).Click();
        cut.FindAll(".mud-table-sort-label").Single(e => e.TextContent.Contains("CPU", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal("59.0 %", cut.FindAll("[data-testid=vm-cpu]")[0].TextContent));

        Feed.Apply(Poll("compute1", [.. many.Select(v => v with { CpuPercent = v.Name == "vm-00" ? 99 : v.CpuPercent })]));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("vm-00", cut.FindAll("[data-testid=vm-name]")[0].TextContent);
            Assert.Equal("99.0 %", cut.FindAll("[data-testid=vm-cpu]")[0].TextContent);
        });
    }

    [Fact]
    public void VmDetail_ShowsInterfacesDisksAndNova_OrSaysTheVmIsGone()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "web-1")));

        var cut = Render<VmDetail>(p => p.Add(c => c.Uuid, "uuid-web-1"));
        var missing = Render<VmDetail>(p => p.Add(c => c.Uuid, "uuid-nope"));

        Assert.Equal("web-1", cut.Find("[data-testid=vm-detail-name]").TextContent);
        Assert.Contains("tap-web-1", cut.Find("[data-testid=vm-interfaces]").TextContent, StringComparison.Ordinal);
        Assert.Contains("m1.small", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(missing.Find("[data-testid=vm-missing]"));
    }
}
