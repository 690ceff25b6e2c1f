using SdnDashboard.Dashboard.Hubs;

namespace SdnDashboard.Tests.Hubs;

public sealed class TelemetryHubOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() =>
        Assert.True(new TelemetryHubOptionsValidator().Validate(null, new TelemetryHubOptions()).Succeeded);

    [Fact]
    public void OutOfRangeSettings_FailWithMessagesNamingTheKeys()
    {
        var result = new TelemetryHubOptionsValidator().Validate(null, new TelemetryHubOptions { MinSendIntervalMs = 0, LeaseSeconds = 0 });

        Assert.True(result.Failed);
        Assert.Equal(
            ["TelemetryHub:MinSendIntervalMs is 0; allowed 10-5000.", "TelemetryHub:LeaseSeconds is 0; allowed 1-300."],
            result.Failures!.ToArray());
    }
}
