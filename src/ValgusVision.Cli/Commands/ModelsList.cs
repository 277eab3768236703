using System.CommandLine;
using System.Security.Cryptography;
using ValgusVision.ModelTools;
using ValgusVision.ModelTools.Converter;
using ValgusVision.ModelTools.Onnx;

namespace ValgusVision.Cli.Commands;

/// <summary><c>valgus models list</c>: each installed model with size, sha256, inputs and outputs.</summary>
internal static class ModelsList
{
    public static Command Create()
    {
        Option<DirectoryInfo?> dir = ModelsCommand.ModelsDirOption();
        var command = new Command("list", "Show the installed models: size, sha256, inputs and outputs.") { dir };
        command.SetAction(parse =>
        {
            ModelCatalog catalog = parse.GetValue(dir) is { } d ? new ModelCatalog(d.FullName) : ModelCatalog.Locate();
            Write(catalog, parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static void Write(ModelCatalog catalog, TextWriter output)
    {
        output.WriteLine($"models in {catalog.Folder}");
        var files = new List<string>(ModelCatalog.KnownFiles);
        foreach (string path in Directory.EnumerateFiles(catalog.Folder, "*.onnx").Order(StringComparer.Ordinal))
        {
            string extra = Path.GetFileName(path);
            if (!files.Contains(extra))
            {
                files.Add(extra);
            }
        }

        foreach (string file in files)
        {
            string path = catalog.PathOf(file);
            if (!File.Exists(path))
            {
                string fetch = file == ModelCatalog.LandmarkHeavyFile ? "./valgus models fetch --heavy" : "./valgus models fetch";
                output.WriteLine($"{file}: not installed (run `{fetch}`)");
                continue;
            }

            byte[] bytes = File.ReadAllBytes(path);
            string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            output.WriteLine($"{file}: {bytes.Length / 1e6:F1} MB, sha256 {sha}");
            try
            {
                OnnxModelInfo info = OnnxModelInfo.Parse(bytes, path);
                output.WriteLine($"  inputs:  {string.Join("; ", info.Inputs)}");
                output.WriteLine($"  outputs: {string.Join("; ", info.Outputs)}");
                string source = info.Metadata.TryGetValue(TfLiteToOnnxConverter.SourceFileKey, out string? s) ? $", from {s}" : string.Empty;
                output.WriteLine($"  opset {info.OpsetVersion}, {info.NodeCount} nodes, producer {info.ProducerName} {info.ProducerVersion}{source}");
            }
            catch (InvalidDataException e)
            {
                output.WriteLine($"  corrupt: {e.Message} (run `./valgus models fetch`)");
            }
        }
    }
}
