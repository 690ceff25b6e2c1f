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
        var componentsWithoutNodes = cut.FindComponents<MudBlazor.MudComponentBase>().Count;

        Feed.Apply(Poll("compute1", Vm("compute1", "a"), Vm("compute1", "b", "shutoff")));
        Feed.Apply(Poll("compute2", Vm("compute2", "c")));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(["compute1", "compute2"], cut.FindAll("[data-testid=node-name]").Select(e => e.TextContent).ToArray());
            Assert.Equal(["1 / 2", "1 / 1"], cut.FindAll("[data-testid=node-vms]").Select(e => e.TextContent).ToArray());
        });
        Assert.Contains("2 / 16", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(["reporting", "reporting"], cut.FindAll("[data-testid=node-collector]").Select(e => e.TextContent).ToArray());
        // No component per row or cell: every circuit on the page keeps each component's own render tree.
        Assert.InRange(cut.FindComponents<MudBlazor.MudComponentBase>().Count, 0, componentsWithoutNodes);
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

        cut.Find("input[data-testid=vms-filter]").Input("paused");
        cut.WaitForAssertion(() => Assert.Equal(["db-1"], cut.FindAll("[data-testid=vm-name]").Select(e => e.TextContent).ToArray()));
    }

    [Fact]
    public void Vms_EachNameLinksToItsVmPage_ByUuid()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "web-1"), Vm("compute1", "db/1")));
        var cut = Render<Vms>();

        Assert.Equal(["vms/uuid-db%2F1", "vms/uuid-web-1"], cut.FindAll("[data-testid=vm-name] a").Select(a => a.GetAttribute("href") ?? "").ToArray());
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

        cut.Find("[data-testid=vms-sort-cpu]").Click();
        cut.WaitForAssertion(() => Assert.Equal("0.0 %", cut.FindAll("[data-testid=vm-cpu]")[0].TextContent));
        cut.Find("[data-testid=vms-sort-cpu]").Click();
        cut.WaitForAssertion(() => Assert.Equal("59.0 %", cut.FindAll("[data-testid=vm-cpu]")[0].TextContent));

        Feed.Apply(Poll("compute1", [.. many.Select(v => v with { CpuPercent = v.Name == "vm-00" ? 99 : v.CpuPercent })]));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("vm-00", cut.FindAll("[data-testid=vm-name]")[0].TextContent);
            Assert.Equal("99.0 %", cut.FindAll("[data-testid=vm-cpu]")[0].TextContent);
        });
    }

    [Fact]
    public void Vms_PageThroughTheRows_ChangeThePageSize_AndAFilterStartsAtTheFirstPage()
    {
        Feed.Apply(Poll("compute1", [.. Enumerable.Range(0, 60).Select(i => Vm("compute1", $"vm-{i:D2}"))]));
        var cut = Render<Vms>();
        string[] Names() => [.. cut.FindAll("[data-testid=vm-name]").Select(e => e.TextContent)];

        Assert.Equal("1–25 of 60", cut.Find("[data-testid=vms-range]").TextContent);
        Assert.True(cut.Find("[data-testid=vms-previous]").HasAttribute("disabled"));

        cut.Find("[data-testid=vms-next]").Click();
        cut.Find("[data-testid=vms-next]").Click();
        Assert.Equal("51–60 of 60", cut.Find("[data-testid=vms-range]").TextContent);
        Assert.Equal("vm-50", Names()[0]);
        Assert.True(cut.Find("[data-testid=vms-next]").HasAttribute("disabled"));

        cut.Find("[data-testid=vms-filter]").Input("vm-1");
        Assert.Equal("1–10 of 10", cut.Find("[data-testid=vms-range]").TextContent);
        Assert.Equal("vm-10", Names()[0]);

        cut.Find("[data-testid=vms-filter]").Input("");
        cut.Find("[data-testid=vms-page-size]").Change("100");
        Assert.Equal(60, Names().Length);
        Assert.Equal("1–60 of 60", cut.Find("[data-testid=vms-range]").TextContent);

        cut.Find("[data-testid=vms-filter]").Input("nothing like this");
        Assert.Equal("No VM matches the filter.", cut.Find("[data-testid=vms-empty]").TextContent.Trim());
    }

    [Fact]
    public void Vms_PageOnScreenShrinks_WhenVmsGoAway()
    {
        Feed.Apply(Poll("compute1", [.. Enumerable.Range(0, 60).Select(i => Vm("compute1", $"vm-{i:D2}"))]));
        var cut = Render<Vms>();
        cut.Find("[data-testid=vms-next]").Click();
        cut.Find("[data-testid=vms-next]").Click();

        Feed.Apply(Poll("compute1", [.. Enumerable.Range(0, 30).Select(i => Vm("compute1", $"vm-{i:D2}"))]));

        cut.WaitForAssertion(() => Assert.Equal("26–30 of 30", cut.Find("[data-testid=vms-range]").TextContent));
    }

    [Fact]
    public async Task VmDetail_ShowsInterfacesDisksAndNova_OrSaysTheVmIsGone()
    {
        Feed.Apply(Poll("compute1", Vm("compute1", "web-1")));

        var cut = Render<VmDetail>(p => p.Add(c => c.Uuid, "uuid-web-1"));
        Assert.Equal("web-1", cut.Find("[data-testid=vm-detail-name]").TextContent);
        Assert.Contains("tap-web-1", cut.Find("[data-testid=vm-interfaces]").TextContent, StringComparison.Ordinal);
        Assert.Contains("m1.small", cut.Markup, StringComparison.Ordinal);

        // One page per circuit, as in the browser: the page brings its own popover provider.
        await DisposeComponentsAsync();
        var missing = Render<VmDetail>(p => p.Add(c => c.Uuid, "uuid-nope"));
        Assert.NotNull(missing.Find("[data-testid=vm-missing]"));
    }
}
