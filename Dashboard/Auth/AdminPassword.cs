using System.Security.Cryptography;

namespace SdnDashboard.Dashboard.Auth;

/// <summary>The password the first run gives the <c>admin</c> user when <c>Auth:AdminPassword</c> is not set.</summary>
internal static class AdminPassword
{
    /// <summary>How many candidates are drawn before giving up on a policy no random password meets.</summary>
    internal const int MaxAttempts = 100;

    /// <summary>
    /// 20 random characters from letters and digits, drawn again until <paramref name="acceptable"/> (the password
    /// policy) takes one: about one draw in 30 has no digit, which Identity's default policy refuses.
    /// </summary>
    public static async Task<string> GenerateAsync(Func<string, Task<bool>> acceptable)
    {
        ArgumentNullException.ThrowIfNull(acceptable);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var candidate = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
            if (await acceptable(candidate).ConfigureAwait(false))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No generated admin password met the password policy in {MaxAttempts} tries; set Auth:AdminPassword instead.");
    }
}
