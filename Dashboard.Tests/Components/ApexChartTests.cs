using Bunit;
using SdnDashboard.Dashboard.Components.Controls;

namespace SdnDashboard.Tests.Components;

public sealed class ApexChartTests : BunitContext
{
    private readonly BunitJSModuleInterop _module;

    public ApexChartTests()
    {
        _module = JSInterop.SetupModule("./js/apexchart.js");
        _module.Setup<int>("create", _ => true).SetResult(7);
        _module.SetupVoid("updateSeries", _ => true).SetVoidResult();
        _module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    [Fact]
    public void FirstRender_CreatesTheChartWithTheSeries()
    {
        var series = new[] { new ChartSeries("In", [new ChartPoint(DateTimeOffset.UnixEpoch.AddSeconds(1), 5)]) };

        Render<ApexChart>(p => p.Add(c => c.Series, series).Add(c => c.Unit, "B/s"));

        var create = Assert.Single(_module.Invocations, i => i.Identifier == "create");
        var options = System.Text.Json.JsonDocument.Parse(Assert.IsType<string>(create.Arguments[1])).RootElement;
        var first = options.GetProperty("series")[0];
        Assert.Equal("In", first.GetProperty("name").GetString());
        Assert.Equal("[1000,5]", first.GetProperty("data")[0].GetRawText());
        Assert.Equal("B/s", options.GetProperty("sdnUnit").GetString());
    }

    [Fact]
    public async Task NewSeries_UpdatesTheSameChart_AndDisposeDestroysIt()
    {
        var cut = Render<ApexChart>(p => p.Add(c => c.Series, [new ChartSeries("In", [])]));

        cut.Render(p => p.Add(c => c.Series, [new ChartSeries("In", [new ChartPoint(DateTimeOffset.UnixEpoch, 1)])]));
        await DisposeComponentsAsync();

        Assert.Single(_module.Invocations, i => i.Identifier == "create");
        var update = Assert.Single(_module.Invocations, i => i.Identifier == "updateSeries");
        Assert.Equal(7, update.Arguments[0]);
        Assert.Equal("""[{"name":"In","data":[[0,1]]}]""", update.Arguments[1]);
        var destroy = Assert.Single(_module.Invocations, i => i.Identifier == "destroy");
        Assert.Equal(7, destroy.Arguments[0]);
    }
}
