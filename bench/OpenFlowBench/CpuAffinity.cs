using System.Runtime.InteropServices;

namespace SdnDashboard.Bench.OpenFlow;

/// <summary>
/// Keeps the latency loop's thread on one CPU (Linux <c>sched_setaffinity</c> for the calling thread). With the
/// controller under test started on the other CPUs (<see cref="Peer.StartAsync"/>), the generator and the controller
/// each own a core for the whole row instead of the scheduler sometimes placing both on one.
/// </summary>
internal static partial class CpuAffinity
{
    /// <summary>Binds the calling thread to <paramref name="cpu"/>; throws when the kernel refuses.</summary>
    public static void PinCurrentThread(int cpu)
    {
        var mask = new ulong[16];
        mask[cpu / 64] = 1UL << (cpu % 64);
        if (sched_setaffinity(0, mask.Length * sizeof(ulong), mask) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"sched_setaffinity(cpu {cpu}) failed (errno {errno})");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nint size, ulong[] mask);
}
