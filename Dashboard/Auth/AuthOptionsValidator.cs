using Microsoft.Extensions.Options;

namespace SdnDashboard.Dashboard.Auth;

/// <summary>Refuses start-up on unusable auth settings, naming the key.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public const int MinTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        if (options.AdminPassword.Length is > 0 and < 8)
        {
            errors.Add($"{AuthOptions.Section}:AdminPassword is {options.AdminPassword.Length} characters; at least 8 are required.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiTokens.Count; i++)
        {
            var token = options.ApiTokens[i];
            var key = $"{AuthOptions.Section}:ApiTokens:{i}";
            if (string.IsNullOrWhiteSpace(token.Name))
            {
                errors.Add($"{key}:Name is empty.");
            }

            if (token.Token.Length < MinTokenLength)
            {
                errors.Add($"{key}:Token is {token.Token.Length} characters; at least {MinTokenLength} are required.");
            }
            else if (!seen.Add(token.Token))
            {
                errors.Add($"{key}:Token repeats an earlier token.");
            }

            if (!Roles.All.Contains(token.Role, StringComparer.Ordinal))
            {
                errors.Add($"{key}:Role '{token.Role}' is not one of {string.Join(", ", Roles.All)}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
