using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SdnDashboard.Collectors.Bus;
using SdnDashboard.Core.Control;
using SdnDashboard.Dashboard.Controller;

namespace SdnDashboard.Tests.OpenFlow;

public class ControllerOptionsTests
{
    [Fact]
    public void Defaults_AreValid() =>
        Assert.True(new ControllerOptionsValidator().Validate(null, new ControllerOptions()).Succeeded);

    [Fact]
    public void Defaults_ListenOnEveryAddressAtTheOpenFlowPort_WithoutTls()
    {
        var options = new ControllerOptions();
        Assert.Equal("0.0.0.0:6653", options.Listen);
        Assert.False(options.TlsEnabled);
    }

    [Theory]
    [InlineData("Listen", "6653", "Controller:Listen is '6653'")]
    [InlineData("Listen", "0.0.0.0:70000", "Controller:Listen is '0.0.0.0:70000'")]
    [InlineData("EchoIntervalSeconds", "0", "Controller:EchoIntervalSeconds is 0; allowed 1-3600")]
    [InlineData("FlowStatsIntervalSeconds", "-1", "Controller:FlowStatsIntervalSeconds is -1; allowed 0-86400")]
    [InlineData("PollThreads", "0", "Controller:PollThreads is 0; allowed 1-64")]
    [InlineData("PollSpinMicroseconds", "-1", "Controller:PollSpinMicroseconds is -1; allowed 0-10000")]
    [InlineData("TlsCertificatePath", "/nonexistent/cert.pfx", "Controller:TlsCertificatePath '/nonexistent/cert.pfx' does not exist")]
    public void BadSetting_StopsStartupNamingTheKey(string key, string value, string message)
    {
        using var provider = Services(new Dictionary<string, string?> { [$"Controller:{key}"] = value });
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ControllerOptions>>().Value);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOpenFlowController_WrapsEveryRegisteredAppInOnePipeline()
    {
        await using var provider = Services(new Dictionary<string, string?> { ["Controller:Listen"] = "127.0.0.1:0" }, services =>
        {
            services.AddSingleton<IControllerApp, TestLearningSwitch>();
            services.AddSingleton<IControllerApp>(new OrderedApp(5));
        });
        var pipeline = provider.GetRequiredService<ControllerPipeline>();
        Assert.Equal([typeof(OrderedApp), typeof(TestLearningSwitch)], pipeline.Apps.Select(a => a.GetType()));
        Assert.NotNull(provider.GetRequiredService<OpenFlowServer>());
        Assert.Same(provider.GetRequiredService<SwitchRegistry>(), provider.GetRequiredService<SwitchRegistry>());
        Assert.Contains(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is OpenFlowControllerService);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddTelemetryBus(configuration);
        services.AddOpenFlowController(configuration);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private sealed class OrderedApp(int order) : IControllerApp
    {
        public int Order => order;

        public IReadOnlyList<SwitchCommand> Handle(ControllerEvent controllerEvent, DateTimeOffset now) => [];
    }
}
