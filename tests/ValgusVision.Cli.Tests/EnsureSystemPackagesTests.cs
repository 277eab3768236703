using System.Diagnostics;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// tools/ensure-system-packages.sh (issue 21 item 8), run with a PATH of stand-ins: an ldconfig that lists GTK, no
/// ffmpeg (so it is missing), and apt-get, sudo and id scripts that record how they were called. It says what it
/// installs and why and runs the exact apt-get commands (through sudo when not root), or stops with one line naming
/// the command to type.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // a bash script for Debian, with stand-in executables
public sealed class EnsureSystemPackagesTests : IDisposable
{
    private const string Script = "tools/ensure-system-packages.sh";
    private const string DejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private readonly ScratchFolder _dir = new();
    private readonly string _bin;
    private readonly string _calls;

    public EnsureSystemPackagesTests()
    {
        _bin = _dir.File("bin");
        _calls = _dir.File("calls.txt");
        Directory.CreateDirectory(_bin);
        foreach (string tool in new[] { "grep", "env", "cat" })
        {
            File.CreateSymbolicLink(Path.Combine(_bin, tool), Which(tool));
        }

        Fake("ldconfig", "echo '\tlibgtk-3.so.0 (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/libgtk-3.so.0'");
        Fake("id", "echo 1000");
        Fake("apt-get", $"echo \"apt-get $*\" >> '{_calls}'");
    }

    /// <summary>The packages this machine lacks for `run` with ffmpeg hidden: ffmpeg, and the font where it is not installed.</summary>
    private static string Missing => File.Exists(DejaVu) ? "ffmpeg" : "ffmpeg fonts-dejavu-core";

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Not_root_with_sudo_it_says_what_and_why_and_installs_through_sudo()
    {
        Fake("sudo", $"echo \"sudo $*\" >> '{_calls}'; [ \"$1\" = -n ] && exit 0; exec \"$@\"");

        var (code, error) = Run("run");

        Assert.True(code == 0, error);
        Assert.StartsWith("valgus: installing the system packages this needs:\n  ffmpeg: the overlay video is encoded as H.264 by ffmpeg\n", error, StringComparison.Ordinal);
        Assert.Equal(
            [
                "sudo -n true",
                "sudo apt-get update -qq",
                "apt-get update -qq",
                $"sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends {Missing}",
                $"apt-get install -y -qq --no-install-recommends {Missing}",
            ],
            File.ReadAllLines(_calls));
    }

    [Fact]
    public void Without_sudo_and_not_root_it_stops_with_one_line_naming_the_command()
    {
        var (code, error) = Run("run");

        Assert.Equal(1, code);
        Assert.Equal($"valgus: missing system packages; run: sudo apt-get update && sudo apt-get install -y --no-install-recommends {Missing}\n", error);
        Assert.False(File.Exists(_calls), "apt-get ran without the rights to");
    }

    [Fact]
    public void As_root_it_runs_apt_get_itself_and_the_test_set_adds_the_test_tools()
    {
        Fake("id", "echo 0");

        var (code, error) = Run("test");

        Assert.True(code == 0, error);
        Assert.Contains("  poppler-utils: the tests render the PDF report to images\n", error, StringComparison.Ordinal);
        string[] calls = File.ReadAllLines(_calls);
        Assert.Equal("apt-get update -qq", calls[0]);
        Assert.StartsWith($"apt-get install -y -qq --no-install-recommends {Missing} poppler-utils chromium xvfb npm python3 git", calls[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_install_names_its_log_and_the_command_and_nothing_missing_is_silent()
    {
        Fake("id", "echo 0");
        Fake("apt-get", "echo 'E: Unable to locate package' >&2; exit 100");

        var (code, error) = Run("run");

        Assert.Equal(1, code);
        string log = _dir.File("valgus-apt.log");
        Assert.EndsWith($"valgus: installing {Missing} failed (log: {log}); run: sudo apt-get update && sudo apt-get install -y --no-install-recommends {Missing}\n", error, StringComparison.Ordinal);
        Assert.Contains("Unable to locate package", File.ReadAllText(log), StringComparison.Ordinal);

        Fake("ffmpeg", "exit 0");
        if (File.Exists(DejaVu))
        {
            Assert.Equal((0, ""), Run("run"));
        }
    }

    private (int Code, string Error) Run(string purpose)
    {
        var start = new ProcessStartInfo("/bin/bash", [Path.Combine(TestPaths.RepoRoot, Script), purpose])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true, // not a terminal: sudo could not ask for a password
        };
        start.Environment["PATH"] = _bin;
        start.Environment["TMPDIR"] = _dir.Path;
        start.Environment.Remove("VALGUS_SKIP_SYSTEM_CHECK");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal("", output.Result);
        return (process.ExitCode, error);
    }

    private void Fake(string name, string body)
    {
        string path = Path.Combine(_bin, name);
        File.WriteAllText(path, "#!/bin/bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists);
}
