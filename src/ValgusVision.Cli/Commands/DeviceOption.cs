using System.CommandLine;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.Cli.Commands;

/// <summary><c>--device cpu|cuda</c>, for every command that runs the pose engine; checked before any work starts.</summary>
public static class DeviceOption
{
    public static Option<string> Create() => new("--device")
    {
        Description = "where the pose models run: cpu, or cuda (an NVIDIA GPU; needs the GPU build: dotnet build -p:OnnxRuntimeGpu=true)",
        DefaultValueFactory = _ => "cpu",
    };

    /// <summary>The device asked for; an unknown name, or CUDA where this build or machine has none, is a one-line <see cref="CliError"/> (exit 2).</summary>
    public static ExecutionDevice Read(ParseResult parse, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ExecutionDevice device;
        try
        {
            device = ExecutionDevices.Parse(parse.GetValue(option) ?? "cpu");
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }

        return ExecutionDevices.UnavailableReason(device) is { } reason ? throw new CliError(reason, CliError.BadInput) : device;
    }
}
