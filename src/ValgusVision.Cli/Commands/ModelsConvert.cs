using System.CommandLine;
using System.Security.Cryptography;
using ValgusVision.ModelTools.Converter;

namespace ValgusVision.Cli.Commands;

/// <summary><c>valgus models convert IN.tflite OUT.onnx</c>: our own TFLite→ONNX converter on one file.</summary>
internal static class ModelsConvert
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "TFLite model to read." };
        var output = new Argument<FileInfo>("output") { Description = "ONNX model to write (replaced only when the conversion succeeds)." };
        var command = new Command("convert", "Convert a TFLite model to ONNX (opset 13), keeping its input/output names, shapes and layout.")
        {
            input,
            output,
        };
        command.SetAction(parse =>
        {
            FileInfo from = parse.GetRequiredValue(input);
            FileInfo to = parse.GetRequiredValue(output);
            // The paths as typed, so errors name the file the way the user wrote it.
            Run(from.ToString(), to.ToString(), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    /// <summary>Converts one file; an unsupported model becomes a one-line <see cref="CliError"/> (exit code 2).</summary>
    internal static void Run(string from, string to, TextWriter output)
    {
        try
        {
            TfLiteToOnnxConverter.ConvertFile(from, to);
        }
        catch (ModelConversionException e)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }

        byte[] bytes = File.ReadAllBytes(to);
        output.WriteLine($"wrote {to} ({bytes.Length / 1e6:F1} MB, sha256 {Convert.ToHexStringLower(SHA256.HashData(bytes))})");
    }
}
