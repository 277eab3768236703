using System.Diagnostics;

namespace ValgusVision.Tests.Support;

/// <summary>A temporary folder for clips the tests make with ffmpeg; deleted afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "valgus-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Runs ffmpeg (quietly) and fails the test with its message when it fails.</summary>
    public static string Ffmpeg(params string[] args) => Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", .. args]);

    public static string Ffprobe(params string[] args) => Run("ffprobe", ["-v", "error", .. args]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Run(string exe, string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{exe} {string.Join(' ', args)} failed: {stderr.Result}");
        return stdout;
    }
}
