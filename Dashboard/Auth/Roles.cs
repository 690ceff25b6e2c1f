namespace SdnDashboard.Dashboard.Auth;

/// <summary>The three roles and the policies built on them; each role includes the ones below it.</summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Operator = "Operator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    /// <summary>Policy: may switch algorithms, drain members (Operator or Admin).</summary>
    public const string CanOperate = "CanOperate";

    /// <summary>Policy: may change everything, including users (Admin).</summary>
    public const string CanAdminister = "CanAdminister";
}
