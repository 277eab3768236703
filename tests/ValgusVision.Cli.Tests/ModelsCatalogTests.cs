using ValgusVision.Tests.Support;
using ValgusVision.ModelTools;

namespace ValgusVision.Cli.Tests;

/// <summary><see cref="ModelCatalog"/>: finds the models and says how to restore a missing or corrupt one.</summary>
public sealed class ModelsCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("valgus-catalog-test.").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Installed_model_is_returned_by_path()
    {
        var catalog = new ModelCatalog(ModelsTestFiles.ModelsFolder);
        Assert.Equal(Path.Combine(ModelsTestFiles.ModelsFolder, "pose_landmark_full.onnx"), catalog.Require(ModelCatalog.LandmarkFullFile));
    }

    [Fact]
    public void Missing_model_says_to_run_fetch()
    {
        var catalog = new ModelCatalog(_folder);
        var e = Assert.Throws<InvalidDataException>(() => catalog.Require(ModelCatalog.LandmarkFullFile));
        Assert.StartsWith("models/pose_landmark_full.onnx is missing: run `./valgus models fetch`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_heavy_model_says_to_fetch_with_heavy()
    {
        var e = Assert.Throws<InvalidDataException>(() => new ModelCatalog(_folder).Require(ModelCatalog.LandmarkHeavyFile));
        Assert.Contains("run `./valgus models fetch --heavy`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_model_is_corrupt_and_says_to_run_fetch()
    {
        byte[] whole = File.ReadAllBytes(Path.Combine(ModelsTestFiles.ModelsFolder, "pose_landmark_lite.onnx"));
        File.WriteAllBytes(Path.Combine(_folder, "pose_landmark_lite.onnx"), whole.AsSpan(0, whole.Length / 2).ToArray());
        var e = Assert.Throws<InvalidDataException>(() => new ModelCatalog(_folder).Require(ModelCatalog.LandmarkLiteFile));
        Assert.StartsWith("models/pose_landmark_lite.onnx is corrupt (", e.Message, StringComparison.Ordinal);
        Assert.Contains("run `./valgus models fetch`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_walks_up_to_the_repository_models_folder()
    {
        ModelCatalog catalog = ModelCatalog.LocateFrom(Path.Combine(TestPaths.RepoRoot, "src", "ValgusVision.Cli"));
        Assert.Equal(ModelsTestFiles.ModelsFolder, catalog.Folder);
    }

    [Fact]
    public void Locate_without_a_models_folder_says_how_to_get_one()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => ModelCatalog.LocateFrom(_folder));
        Assert.Contains("run `./valgus models fetch`", e.Message, StringComparison.Ordinal);
    }
}
