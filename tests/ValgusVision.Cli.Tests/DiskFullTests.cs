using System.Diagnostics;
using System.Text.Json;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// A disk that fills while the PDF is written (issue 21 item 3: an unhandled IOException thrown through SkiaSharp's
/// native PDF writer aborted the process with a stack trace, exit 134, and left a hidden .report.partial-N.pdf): a
/// real full file system, a 400 kB tmpfs mounted in a mount namespace of its own, holds everything but the PDF.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    private const string Name = "mmpose-demo-5frames";

    /// <summary>Mounts the tmpfs, plants a killed run's temporary, runs valgus, and copies what is left out of the namespace.</summary>
    private const string Script = """
        mount -t tmpfs -o size=400k tmpfs "$1" || exit 90
        echo half-written > "$1/.$6.report.partial-$2.pdf"
        dotnet "$3" reanalyze "$4" --out "$1" > "$5/stdout.txt" 2> "$5/stderr.txt"
        echo $? > "$5/rc.txt"
        mkdir "$5/after" && cp -a "$1/." "$5/after/"
        """;

    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_full_disk_is_one_line_naming_the_file_exit_1_and_the_files_written_before_stay_whole()
    {
        var (code, error) = await AnalyzeTestFiles.Run("analyze", TestPaths.Video(Name + ".mp4"), "--out", _files.Scratch, "--formats", "csv");
        Assert.True(code == 0, error);
        string frames = _files.File(Name + ".frames.csv");
        string mount = _files.File("full");
        string result = _files.File("result");
        Directory.CreateDirectory(mount);
        Directory.CreateDirectory(result);

        var (wrapper, namespaceArgs) = MountNamespace();
        var (rc, output, stderr) = ChildValgus.Start(
            wrapper, [.. namespaceArgs, "sh", "-c", Script, "sh", mount, EndedProcessId().ToString(System.Globalization.CultureInfo.InvariantCulture), ChildValgus.Dll, frames, result, Name]);
        Assert.True(rc == 0, $"the mount namespace script failed (exit {rc}): {output} {stderr}");

        string pdf = Path.Combine(mount, Name + ".report.pdf");
        Assert.Equal($"valgus: {pdf}: cannot be written: the disk is full (no space left on device)\n", File.ReadAllText(Path.Combine(result, "stderr.txt")));
        Assert.Equal("1", File.ReadAllText(Path.Combine(result, "rc.txt")).Trim());

        string after = Path.Combine(result, "after");
        var left = Directory.GetFiles(after).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { ".frames.csv", ".report.html", ".report.json", ".reps.csv" }.Select(s => Name + s), left);
        Assert.EndsWith("</html>", File.ReadAllText(Path.Combine(after, Name + ".report.html")).TrimEnd(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(after, Name + ".report.json")));
        Assert.Equal(File.ReadAllLines(frames).Length, File.ReadAllLines(Path.Combine(after, Name + ".frames.csv")).Length);
    }

    /// <summary>
    /// unshare's mount namespace: as root a plain one, else a user namespace that maps us to root, so the test needs no
    /// privileges where unprivileged user namespaces are allowed.
    /// </summary>
    private static (string Program, string[] Args) MountNamespace() =>
        Environment.UserName == "root" ? ("unshare", ["--mount"]) : ("unshare", ["--mount", "--map-root-user"]);

    private static int EndedProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
