namespace SdnDashboard.Dashboard.Data;

/// <summary>The <c>Storage</c> section: where the SQLite database lives.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Path of the SQLite file; relative paths are under the content root. Empty means
    /// <c>App_Data/sdndashboard.db</c> under the content root.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>The file path actually used.</summary>
    public string ResolvePath(string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DatabasePath)
            ? Path.Combine(contentRoot, "App_Data", "sdndashboard.db")
            : Path.Combine(contentRoot, DatabasePath));
}
