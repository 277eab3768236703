using ValgusVision.Tests.Support;
using System.Diagnostics;
using System.Text;

namespace ValgusVision.Cli.Tests;

/// <summary>Runs <c>valgus</c> as a child process (built next to the tests) from the repository root, so signals and the environment are its own.</summary>
internal sealed class LiveProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    /// <param name="ownProcessGroup">Start it in a session of its own (setsid), so <see cref="SignalGroup"/> reaches it
    /// and its children together, as a terminal's Ctrl+C reaches the foreground process group.</param>
    public LiveProcess(IEnumerable<string> args, IDictionary<string, string?>? environment = null, bool ownProcessGroup = false)
    {
        var start = new ProcessStartInfo(ownProcessGroup ? "setsid" : "dotnet")
        {
            WorkingDirectory = TestPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ownProcessGroup)
        {
            // Not a group leader already, so setsid execs in place: the process id stays dotnet's.
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "valgus.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet valgus.dll");
        _process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public int Id => _process.Id;

    /// <summary>Waits for the exit; returns the exit code, or throws with what the process printed when it takes too long.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"valgus did not exit within {timeout.TotalSeconds} s; stdout: {Output}; stderr: {Error}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until the process has printed <paramref name="text"/> on stdout.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            Thread.Sleep(100);
        }

        return Output.Contains(text, StringComparison.Ordinal);
    }

    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Signals the whole process group (needs <c>ownProcessGroup</c>): what a terminal does on Ctrl+C.</summary>
    public void SignalGroup(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, "--", "-" + _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>The ids of the processes this one started (ffmpeg for the recording), from /proc.</summary>
    public IReadOnlyList<int> ChildIds()
    {
        var children = new List<int>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            try
            {
                // stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == _process.Id)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return children;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (to)
        {
            to.AppendLine(line);
        }
    }
}
