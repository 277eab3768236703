using System.CommandLine;
using System.Reflection;

namespace ValgusVision.Cli;

/// <summary>Builds the <c>valgus</c> command tree and turns failures into one clear line and an exit code.</summary>
public static class CliApp
{
    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("ValgusVision: measures dynamic knee valgus and hip shift in single-leg squats from video.");
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        return await root.Parse(args).InvokeAsync();
    }
}
