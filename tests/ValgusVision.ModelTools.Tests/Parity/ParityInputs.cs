using System.Text.Json;
using OpenCvSharp;
using ValgusVision.ModelTools.Tests.Reference;

namespace ValgusVision.ModelTools.Tests.Parity;

/// <summary>
/// The two real inputs of the parity check, made the way docs/pose-pipeline.md#detector-input and #landmark-model describe: a person cropped
/// to the landmark models' 256×256 input (RGB, p/255) and a whole frame letterboxed to the detector's
/// 224×224 input (RGB, p·2/255 − 1, bars −1).
/// </summary>
internal static class ParityInputs
{
    /// <summary>Human3.6M frame, one person, full body; its annotated box is the crop.</summary>
    public const string PersonImage = "images/h36m/S1_Directions_1.54138969_000001.jpg";

    /// <summary>COCO skier, 640 px wide: a landscape frame, so the letterbox has bars.</summary>
    public const string FrameImage = "images/coco/000000000785.jpg";

    private static readonly Lazy<ReferenceTensor> CroppedPersonLazy = new(MakeCroppedPerson);
    private static readonly Lazy<ReferenceTensor> LetterboxedFrameLazy = new(MakeLetterboxedFrame);

    public static ReferenceTensor CroppedPerson => CroppedPersonLazy.Value;

    public static ReferenceTensor LetterboxedFrame => LetterboxedFrameLazy.Value;

    private static ReferenceTensor MakeCroppedPerson()
    {
        string path = ParityPaths.TestImage(PersonImage);
        var (x, y, w, h) = AnnotatedBox(Path.Combine(Path.GetDirectoryName(path)!, "h36m_coco.json"), Path.GetFileName(path));
        // A square ROI 1.25× the box, as MediaPipe enlarges its ROIs, so the whole body is inside with a margin.
        double side = Math.Max(w, h) * 1.25;
        double cx = x + w / 2, cy = y + h / 2;
        using var image = Load(path);
        double scale = 256 / side;
        using var affine = new Mat(2, 3, MatType.CV_64FC1);
        affine.Set(0, 0, scale);
        affine.Set(0, 1, 0.0);
        affine.Set(0, 2, 128 - cx * scale);
        affine.Set(1, 0, 0.0);
        affine.Set(1, 1, scale);
        affine.Set(1, 2, 128 - cy * scale);
        using var crop = new Mat();
        Cv2.WarpAffine(image, crop, affine, new Size(256, 256), InterpolationFlags.Linear, BorderTypes.Replicate);
        return ToTensor(crop, 1.0 / 255, 0);
    }

    private static ReferenceTensor MakeLetterboxedFrame()
    {
        using var image = Load(ParityPaths.TestImage(FrameImage));
        double scale = 224.0 / Math.Max(image.Width, image.Height);
        int w = (int)Math.Round(image.Width * scale), h = (int)Math.Round(image.Height * scale);
        using var resized = new Mat();
        Cv2.Resize(image, resized, new Size(w, h), 0, 0, InterpolationFlags.Linear);
        using var boxed = new Mat(224, 224, MatType.CV_8UC3, Scalar.All(0));
        using (var target = new Mat(boxed, new Rect((224 - w) / 2, (224 - h) / 2, w, h)))
        {
            resized.CopyTo(target);
        }
        return ToTensor(boxed, 2.0 / 255, -1);
    }

    private static Mat Load(string path)
    {
        var bgr = Cv2.ImRead(path, ImreadModes.Color);
        if (bgr.Empty())
        {
            bgr.Dispose();
            throw new InvalidDataException($"test image {path} could not be decoded");
        }
        var rgb = new Mat();
        Cv2.CvtColor(bgr, rgb, ColorConversionCodes.BGR2RGB);
        bgr.Dispose();
        return rgb;
    }

    /// <summary>NHWC float tensor from an 8-bit RGB image: v = p·scale + offset, rounded to float32 as the models receive it.</summary>
    private static ReferenceTensor ToTensor(Mat rgb, double scale, double offset)
    {
        int h = rgb.Rows, w = rgb.Cols;
        var data = new double[h * w * 3];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                var p = rgb.At<Vec3b>(y, x);
                int o = (y * w + x) * 3;
                data[o] = (float)(p.Item0 * scale + offset);
                data[o + 1] = (float)(p.Item1 * scale + offset);
                data[o + 2] = (float)(p.Item2 * scale + offset);
            }
        }
        return new ReferenceTensor(new[] { 1, h, w, 3 }, data);
    }

    private static (double X, double Y, double W, double H) AnnotatedBox(string annotations, string fileName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(annotations));
        int? imageId = null;
        foreach (var image in doc.RootElement.GetProperty("images").EnumerateArray())
        {
            if (image.GetProperty("file_name").GetString() == fileName)
            {
                imageId = image.GetProperty("id").GetInt32();
            }
        }
        foreach (var ann in doc.RootElement.GetProperty("annotations").EnumerateArray())
        {
            if (ann.GetProperty("image_id").GetInt32() == imageId)
            {
                var box = ann.GetProperty("bbox");
                return (box[0].GetDouble(), box[1].GetDouble(), box[2].GetDouble(), box[3].GetDouble());
            }
        }
        throw new InvalidDataException($"{annotations} has no box for {fileName}");
    }
}
