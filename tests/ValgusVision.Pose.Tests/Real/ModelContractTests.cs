using ValgusVision.Pose.Runtime;

namespace ValgusVision.Pose.Tests.Real;

public class ModelContractTests
{
    [Fact]
    public void Missing_model_names_the_file_and_how_to_restore_it()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "pose_landmark_full.onnx");

        var e = Assert.Throws<FileNotFoundException>(() => new BlazePoseEstimator(TestFiles.Options() with { LandmarkModelPath = path }));

        Assert.Contains(path, e.Message);
        Assert.Contains("valgus models fetch", e.Message);
    }

    [Fact]
    public void File_that_is_not_onnx_is_refused_with_its_name()
    {
        string path = Path.Combine(Path.GetTempPath(), $"not-a-model-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(path, "this is not a protobuf");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => new BlazePoseEstimator(TestFiles.Options() with { LandmarkModelPath = path }));

            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Detector_given_as_landmark_model_is_refused_with_the_expected_shapes()
    {
        string detector = TestFiles.Model(PoseModels.DetectorFileName);

        var e = Assert.Throws<InvalidDataException>(() => new BlazePoseEstimator(TestFiles.Options() with { LandmarkModelPath = detector }));

        Assert.Contains(detector, e.Message);
        Assert.Contains("input_1 [1,256,256,3]", e.Message);
        Assert.Contains("Identity_2 [1,256,256,1]", e.Message);
        Assert.Contains("is Single [1,224,224,3]", e.Message);
    }

    [Fact]
    public void Landmark_model_given_as_detector_is_refused()
    {
        string landmark = TestFiles.Model(PoseModels.LandmarkFileName(PoseModelKind.Lite));

        var e = Assert.Throws<InvalidDataException>(() => new BlazePoseEstimator(TestFiles.Options() with { DetectorModelPath = landmark }));

        Assert.Contains("Identity [1,2254,12]", e.Message);
        Assert.Contains(landmark, e.Message);
    }
}
