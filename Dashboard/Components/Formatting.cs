using System.Globalization;

namespace SdnDashboard.Dashboard.Components;

/// <summary>How numbers read on every page: binary-free SI rates, short ages.</summary>
public static class Formatting
{
    private static readonly string[] Prefixes = ["", "k", "M", "G", "T"];

    /// <summary>Bytes per second with an SI prefix, e.g. <c>12.3 MB/s</c>.</summary>
    public static string Rate(double bytesPerSecond) => Bytes(bytesPerSecond) + "/s";

    /// <summary>Bytes with an SI prefix, e.g. <c>1.5 GB</c>.</summary>
    public static string Bytes(double bytes)
    {
        var i = 0;
        while (Math.Abs(bytes) >= 1000 && i < Prefixes.Length - 1)
        {
            bytes /= 1000;
            i++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes:0.#} {Prefixes[i]}B");
    }

    /// <summary>An age like <c>4 s</c>, <c>3 min</c>, <c>2 h</c>.</summary>
    public static string Age(TimeSpan age) => age.TotalSeconds switch
    {
        < 90 => $"{(int)age.TotalSeconds} s",
        < 5400 => $"{(int)age.TotalMinutes} min",
        _ => $"{(int)age.TotalHours} h",
    };
}
