using SdnDashboard.Dashboard.Auth;

namespace SdnDashboard.Tests.Auth;

public sealed class AdminPasswordTests
{
    [Fact]
    public async Task Generated_IsDrawnAgain_UntilThePolicyTakesIt()
    {
        // Identity's default policy as the dashboard sets it: 8 characters or more, a digit and a lower-case letter.
        // Without the redraw, about 3 in 100 of these would have no digit.
        var asked = 0;
        for (var i = 0; i < 1_000; i++)
        {
            var password = await AdminPassword.GenerateAsync(candidate =>
            {
                asked++;
                return Task.FromResult(candidate.Any(char.IsAsciiDigit) && candidate.Any(char.IsAsciiLetterLower));
            });

            Assert.Equal(20, password.Length);
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.Contains(password, char.IsAsciiLetterLower);
            Assert.All(password, c => Assert.True(char.IsAsciiLetterOrDigit(c), $"'{c}' in {password}"));
        }

        Assert.True(asked > 1_000, "no candidate was ever refused, so the redraw was not exercised");
    }

    [Fact]
    public async Task APolicyNoCandidateMeets_FailsNamingTheSetting_AfterABoundedNumberOfTries()
    {
        var asked = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AdminPassword.GenerateAsync(_ =>
        {
            asked++;
            return Task.FromResult(false);
        }));

        Assert.Equal(AdminPassword.MaxAttempts, asked);
        Assert.Contains("Auth:AdminPassword", error.Message, StringComparison.Ordinal);
    }
}
