using System.CommandLine;
using ValgusVision.ModelTools;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// <c>valgus models fetch [--heavy]</c>: npm-packs the pinned MediaPipe package into the cache, checks its
/// integrity hash, and converts its TFLite files into the models folder.
/// </summary>
internal static class ModelsFetch
{
    public static Command Create()
    {
        var heavy = new Option<bool>("--heavy") { Description = "Also make pose_landmark_heavy.onnx (about 50 MB; not kept in git)." };
        Option<DirectoryInfo?> dir = ModelsCommand.ModelsDirOption();
        var command = new Command("fetch", $"Get {MediaPipePoseDownload.PackageName}@{MediaPipePoseDownload.PackageVersion} with npm, check its hash, and convert its models into models/.")
        {
            heavy,
            dir,
        };
        command.SetAction(parse =>
        {
            ModelCatalog catalog = parse.GetValue(dir) is { } d ? new ModelCatalog(d.FullName) : ModelCatalog.Locate();
            Run(catalog, parse.GetValue(heavy), parse.InvocationConfiguration.Output);
            return 0;
        });
        return command;
    }

    private static void Run(ModelCatalog catalog, bool heavy, TextWriter output)
    {
        if (!Directory.Exists(catalog.Folder))
        {
            throw new CliError($"{catalog.Folder}: no such folder");
        }

        string package = new MediaPipePoseDownload().Ensure(line => output.WriteLine(line));
        var pairs = new List<(string Source, string Target)>
        {
            ("pose_detection.tflite", ModelCatalog.DetectorFile),
            ("pose_landmark_lite.tflite", ModelCatalog.LandmarkLiteFile),
            ("pose_landmark_full.tflite", ModelCatalog.LandmarkFullFile),
        };
        if (heavy)
        {
            pairs.Add(("pose_landmark_heavy.tflite", ModelCatalog.LandmarkHeavyFile));
        }

        foreach ((string source, string target) in pairs)
        {
            ModelsConvert.Run(Path.Combine(package, source), catalog.PathOf(target), output);
        }
    }
}
