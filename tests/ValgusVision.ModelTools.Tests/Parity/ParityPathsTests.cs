using ValgusVision.Tests.Support;
namespace ValgusVision.ModelTools.Tests.Parity;

public class ParityPathsTests
{
    [Fact]
    public void Missing_tflite_file_names_the_path_and_how_to_get_it()
    {
        string empty = Path.Combine(Path.GetTempPath(), "valgus-no-tflite-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.Throws<FileNotFoundException>(() => ParityPaths.TfLiteFile("pose_landmark_full", empty));

        Assert.Contains(Path.Combine(empty, "pose_landmark_full.tflite"), ex.Message);
        Assert.Contains("fetch-mediapipe-package.sh", ex.Message);
        Assert.Contains(ParityPaths.TfLiteDirVariable, ex.Message);
    }

    [Fact]
    public void Repository_root_is_the_folder_holding_the_solution()
    {
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "ValgusVision.sln")));
    }
}
