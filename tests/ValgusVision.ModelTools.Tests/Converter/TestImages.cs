using System.Text.Json;
using OpenCvSharp;

namespace ValgusVision.ModelTools.Tests.Converter;

/// <summary>
/// Real images from tests/data/mmpose as model inputs: RGB, NHWC float in [-1, 1] as BlazePose expects
/// (docs/pose-pipeline.md#detector-input), either a square crop around the annotated person or the whole frame letterboxed.
/// </summary>
public static class TestImages
{
    public const string H36mS1 = "images/h36m/S1_Directions_1.54138969_000001.jpg";

    /// <summary>
    /// A square crop centred on the annotated person's box, 1.25× its larger side (roughly the margin
    /// MediaPipe's ROI adds), resized to <paramref name="size"/>.
    /// </summary>
    public static float[] CroppedPerson(string relativePath, int size)
    {
        string json = Path.Combine(Path.GetDirectoryName(TestPaths.Data(relativePath))!, "h36m_coco.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        int imageId = doc.RootElement.GetProperty("images").EnumerateArray()
            .First(i => i.GetProperty("file_name").GetString() == Path.GetFileName(relativePath)).GetProperty("id").GetInt32();
        JsonElement box = doc.RootElement.GetProperty("annotations").EnumerateArray()
            .First(a => a.GetProperty("image_id").GetInt32() == imageId).GetProperty("bbox");
        double x = box[0].GetDouble(), y = box[1].GetDouble(), w = box[2].GetDouble(), h = box[3].GetDouble();
        double side = 1.25 * Math.Max(w, h);
        double cx = x + (w / 2), cy = y + (h / 2);

        using Mat bgr = Cv2.ImRead(TestPaths.Data(relativePath));
        using var transform = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new double[]
        {
            size / side, 0, (size / 2.0) - (cx * size / side),
            0, size / side, (size / 2.0) - (cy * size / side),
        });
        using var warped = new Mat();
        Cv2.WarpAffine(bgr, warped, transform, new Size(size, size), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        return ToTensor(warped);
    }

    /// <summary>The whole frame, letterboxed to a square (bars black), resized to <paramref name="size"/>.</summary>
    public static float[] WholeFrame(string relativePath, int size)
    {
        using Mat bgr = Cv2.ImRead(TestPaths.Data(relativePath));
        double scale = (double)size / Math.Max(bgr.Width, bgr.Height);
        using var transform = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new double[]
        {
            scale, 0, (size - (bgr.Width * scale)) / 2,
            0, scale, (size - (bgr.Height * scale)) / 2,
        });
        using var warped = new Mat();
        Cv2.WarpAffine(bgr, warped, transform, new Size(size, size), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        return ToTensor(warped);
    }

    private static float[] ToTensor(Mat bgr)
    {
        int rows = bgr.Rows, cols = bgr.Cols;
        var data = new float[rows * cols * 3];
        int k = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                Vec3b p = bgr.At<Vec3b>(r, c);
                data[k++] = (p.Item2 * (2f / 255f)) - 1f;
                data[k++] = (p.Item1 * (2f / 255f)) - 1f;
                data[k++] = (p.Item0 * (2f / 255f)) - 1f;
            }
        }

        return data;
    }
}
