using System.CommandLine;
using System.CommandLine.Invocation;
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

        root.Options.Add(new Option<bool>(VerboseName)
        {
            Description = "developer output: stage times, and the native libraries' own messages (OpenCV, FFmpeg) logged to a file named on stderr",
            Recursive = true,
        });
        return root;
    }

    /// <summary>The option every command takes (it is the root's, recursive); read with <see cref="IsVerbose"/>.</summary>
    public const string VerboseName = "--verbose";

    public static bool IsVerbose(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue<bool>(VerboseName);
    }

    /// <summary>
    /// Runs one command line: exit 0 on success, 2 for bad input (a value, a missing file), 1 for a failure on good input,
    /// 130 when interrupted; every error is one line on <paramref name="error"/>.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        error ??= Console.Error;
        try
        {
            var root = BuildRoot();
            var parse = root.Parse(Config.ConfigArguments.Expand(root, args));
            if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
            {
                // One line, exit 2, no help dump: the first problem is the one to fix (issue 21 item 2).
                await error.WriteLineAsync($"valgus: {parse.Errors[0].Message}");
                return CliError.BadInput;
            }

            error = await NativeMessages.ConfigureAsync(IsVerbose(parse), error);

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
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            await error.WriteLineAsync($"valgus: {e.Message}");
            return CliError.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Good input, but the work could not be done (an output could not be written, the disk is full).
            await error.WriteLineAsync($"valgus: {e.Message}");
            return CliError.Failed;
        }
    }
}
