using System.CommandLine;

namespace ValgusVision.Cli.Commands;

/// <summary><c>valgus models list | convert | fetch</c>: the BlazePose ONNX models and where they come from.</summary>
public sealed class ModelsCommand : ICliCommandFactory
{
    public int Order => 90;

    public Command Create()
    {
        var command = new Command("models", "List, convert and fetch the BlazePose models (ONNX, converted from MediaPipe's TFLite files).");
        command.Subcommands.Add(ModelsList.Create());
        command.Subcommands.Add(ModelsConvert.Create());
        command.Subcommands.Add(ModelsFetch.Create());
        return command;
    }

    /// <summary>The shared <c>--models-dir</c> option: defaults to the located models/ folder.</summary>
    internal static Option<DirectoryInfo?> ModelsDirOption() => new("--models-dir")
    {
        Description = "Models folder (default: VALGUS_MODELS_DIR, else models/ found above the app or the current folder).",
    };
}
