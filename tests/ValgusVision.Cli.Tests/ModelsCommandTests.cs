using System.CommandLine;
using System.Security.Cryptography;
using ValgusVision.ModelTools.Onnx;

namespace ValgusVision.Cli.Tests;

/// <summary><c>valgus models list | convert</c>: outputs a user can read, one-line errors with exit code 2, no partial files.</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valgus-models-test.").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs a command that should succeed, capturing what it prints.</summary>
    private static async Task<(int Code, string Output, string Error)> Valgus(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        int code = await CliApp.BuildRoot().Parse(args).InvokeAsync(config);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Models_list_shows_size_sha256_inputs_and_outputs()
    {
        (int code, string output, _) = await Valgus("models", "list", "--models-dir", ModelsTestFiles.ModelsFolder);
        Assert.Equal(0, code);
        string full = Path.Combine(ModelsTestFiles.ModelsFolder, "pose_landmark_full.onnx");
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)));
        Assert.Contains($"pose_landmark_full.onnx: {new FileInfo(full).Length / 1e6:F1} MB, sha256 {sha}", output, StringComparison.Ordinal);
        Assert.Contains("inputs:  input_1 Float [1,224,224,3]", output, StringComparison.Ordinal);
        Assert.Contains("outputs: Identity Float [1,195]; Identity_1 Float [1,1]; Identity_2 Float [1,256,256,1]; Identity_3 Float [1,64,64,39]; Identity_4 Float [1,117]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_list_says_how_to_install_a_missing_model()
    {
        File.WriteAllText(Path.Combine(_folder, "README.md"), "models");
        (int code, string output, _) = await Valgus("models", "list", "--models-dir", _folder);
        Assert.Equal(0, code);
        Assert.Contains("pose_landmark_full.onnx: not installed (run `./valgus models fetch`)", output, StringComparison.Ordinal);
        Assert.Contains("pose_landmark_heavy.onnx: not installed (run `./valgus models fetch --heavy`)", output, StringComparison.Ordinal);
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public async Task Models_convert_writes_the_onnx_model()
    {
        string output = Path.Combine(_folder, "lite.onnx");
        (int code, string text, _) = await Valgus("models", "convert", ModelsTestFiles.PackageFile("pose_landmark_lite.tflite"), output);
        Assert.Equal(0, code);
        Assert.StartsWith($"wrote {output} (", text, StringComparison.Ordinal);
        Assert.Equal(5, OnnxModelInfo.Load(output).Outputs.Count);
    }

    [Fact]
    public async Task Models_convert_of_a_non_tflite_file_is_one_line_exit_2_and_no_file()
    {
        string input = Path.Combine(_folder, "photo.jpg");
        File.WriteAllBytes(input, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0]);
        string output = Path.Combine(_folder, "out.onnx");
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(["models", "convert", input, output], error);
        Assert.Equal(2, code);
        Assert.Equal($"valgus: {input}: not a TFLite model (the FlatBuffer identifier at bytes 4-7 is not \"TFL3\"){Environment.NewLine}", error.ToString());
        Assert.False(File.Exists(output));
        Assert.Equal([input], Directory.GetFiles(_folder));
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public async Task Models_convert_of_a_truncated_model_is_one_line_exit_2_and_no_file()
    {
        byte[] whole = File.ReadAllBytes(ModelsTestFiles.PackageFile("pose_landmark_lite.tflite"));
        string input = Path.Combine(_folder, "cut.tflite");
        File.WriteAllBytes(input, whole.AsSpan(0, 100_000).ToArray());
        string output = Path.Combine(_folder, "out.onnx");
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(["models", "convert", input, output], error);
        Assert.Equal(2, code);
        string message = error.ToString();
        Assert.StartsWith($"valgus: {input}: ", message, StringComparison.Ordinal);
        Assert.Single(message.TrimEnd().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Models_convert_of_a_missing_file_names_it()
    {
        string input = Path.Combine(_folder, "absent.tflite");
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(["models", "convert", input, Path.Combine(_folder, "out.onnx")], error);
        Assert.Equal(2, code);
        Assert.Equal($"valgus: {input}: no such file{Environment.NewLine}", error.ToString());
    }
}
