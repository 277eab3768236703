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
        var root = new RootCommand(
            "ValgusVision: measures dynamic knee valgus (FPPA) and hip shift in single-leg squats from video, live or recorded.");
        var factories = typeof(CliApp).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICliCommandFactory).IsAssignableFrom(t))
            .Select(t => (ICliCommandFactory)Activator.CreateInstance(t)!)
            .OrderBy(f => f.Order);
        foreach (var factory in factories)
        {
            root.Subcommands.Add(factory.Create());
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        try
        {
            var parse = BuildRoot().Parse(args);
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config);
        }
        catch (CliError e)
        {
            await error.WriteLineAsync($"valgus: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("valgus: interrupted; finished outputs were kept, partial ones removed");
            return CliError.Interrupted;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            await error.WriteLineAsync($"valgus: {e.Message}");
            return CliError.BadInput;
        }
    }
}
