using System.CommandLine;
using ValgusVision.ModelTools;

namespace ValgusVision.Cli.Tests;

/// <summary><c>valgus models fetch</c> from the (cached) npm package, and its integrity check.</summary>
public sealed class ModelsFetchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valgus-fetch-test.").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [NeedsFact(Needs.MediaPipeTfLite)]
    public async Task Fetch_regenerates_the_committed_models_byte_for_byte()
    {
        ModelsTestFiles.PackageFile("pose_landmark_lite.tflite");
        using var output = new StringWriter();
        var config = new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false };
        int code = await CliApp.BuildRoot().Parse(["models", "fetch", "--models-dir", _folder]).InvokeAsync(config);
        Assert.Equal(0, code);
        foreach (string file in new[] { ModelCatalog.DetectorFile, ModelCatalog.LandmarkLiteFile, ModelCatalog.LandmarkFullFile })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(ModelsTestFiles.ModelsFolder, file)), File.ReadAllBytes(Path.Combine(_folder, file)));
        }

        Assert.False(File.Exists(Path.Combine(_folder, ModelCatalog.LandmarkHeavyFile)));
    }

    [Fact]
    public void Tarball_with_the_wrong_hash_is_refused_and_deleted()
    {
        var download = new MediaPipePoseDownload(_folder);
        string tarball = Path.Combine(_folder, $"mediapipe-pose-{MediaPipePoseDownload.PackageVersion}.tgz");
        File.WriteAllText(tarball, "not the package");
        var e = Assert.Throws<InvalidDataException>(() => download.Ensure());
        Assert.StartsWith($"{tarball}: integrity sha512-", e.Message, StringComparison.Ordinal);
        Assert.Contains(MediaPipePoseDownload.PinnedIntegrity, e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(tarball));
    }
}
