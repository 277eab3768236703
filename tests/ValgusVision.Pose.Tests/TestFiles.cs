using System.Runtime.InteropServices;
using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tests;

/// <summary>Where the models and the real test data are (through <see cref="TestPaths"/>), and how tests turn images into frames.</summary>
internal static class TestFiles
{
    /// <summary>The repository's models/ folder, or VALGUS_MODELS_DIR when set (as the model catalog does).</summary>
    public static string ModelsDirectory => TestPaths.ModelsOrOverride;

    /// <summary>A file of the committed real test data (tests/data/mmpose), e.g. "images/h36m/h36m_coco.json".</summary>
    public static string TestData(string relativePath) => TestPaths.Data(relativePath);

    public static string Model(string fileName)
    {
        string path = Path.Combine(ModelsDirectory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"model '{path}' is missing: these tests need the committed models", path);
        }

        return path;
    }

    public static BlazePoseOptions Options(PoseModelKind model = PoseModelKind.Full) =>
        new() { Model = model, ModelDirectory = ModelsDirectory };

    public static Mat ReadImage(string relativePath)
    {
        Mat image = Cv2.ImRead(TestData(relativePath), ImreadModes.Color);
        if (image.Empty())
        {
            throw new InvalidDataException($"cannot decode test image '{relativePath}'");
        }

        return image;
    }

    /// <summary>Copies a continuous 8-bit Mat (1, 3 or 4 channels) into a frame the estimator can read.</summary>
    public static ImageFrame ToFrame(Mat image, double timestampSeconds)
    {
        using Mat continuous = image.Clone(); // a clone is continuous
        int bytes = checked((int)(continuous.Step() * continuous.Rows));
        var pixels = new byte[bytes];
        Marshal.Copy(continuous.Data, pixels, 0, bytes);
        PixelFormat format = continuous.Channels() switch
        {
            1 => PixelFormat.Gray8,
            3 => PixelFormat.Bgr24,
            4 => PixelFormat.Bgra32,
            int c => throw new ArgumentException($"{c} channels are not a frame format"),
        };
        return new ImageFrame(pixels, continuous.Cols, continuous.Rows, (int)continuous.Step(), format, timestampSeconds);
    }

    /// <summary>Every frame of a test video with its time (frame index / fps), read with OpenCV directly.</summary>
    public static List<(Mat Frame, double TimeSeconds)> ReadVideo(string relativePath)
    {
        using var capture = new VideoCapture(TestData(relativePath));
        if (!capture.IsOpened())
        {
            throw new InvalidDataException($"cannot open test video '{relativePath}'");
        }

        double fps = capture.Fps;
        var frames = new List<(Mat, double)>();
        while (true)
        {
            var frame = new Mat();
            if (!capture.Read(frame) || frame.Empty())
            {
                frame.Dispose();
                break;
            }

            frames.Add((frame, frames.Count / fps));
        }

        return frames;
    }
}
