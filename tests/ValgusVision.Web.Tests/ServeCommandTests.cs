using System.Diagnostics;

namespace ValgusVision.Web.Tests;

/// <summary><c>valgus serve</c> refusing to start: one line on stderr and exit code 2, nothing listening.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("--bind 0.0.0.0", "needs a password", 2)]
    [InlineData("--bind not-an-address", "is not an IP address", 2)]
    // A server that is down is good input that cannot be served: a runtime failure, exit 1 (the CLI's convention).
    [InlineData("--database Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=3", "PostgreSQL database cannot be opened", 1)]
    [InlineData("--database clinic.db", "give a PostgreSQL connection string", 2)]
    public async Task ABadStartIsOneLineWithItsExitCode(string arguments, string expected, int exitCode)
    {
        using var data = new ScratchFolder();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "valgus.dll"), "serve", "--port", "0", "--data", data.Path })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var a in arguments.Split(' '))
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("VALGUS_PASSWORD");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(exitCode, process.ExitCode);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("valgus: ", line);
        Assert.Contains(expected, line);
        Assert.Equal("", await stdout);
    }
}
