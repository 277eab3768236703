using ValgusVision.ModelTools.TfLite;

namespace ValgusVision.ModelTools.Tests.TfLite;

/// <summary>Garbage and truncated files give an InvalidDataException naming the input, never a crash or a silent misread.</summary>
public sealed class TfLiteBadInputTests
{
    [Fact]
    public void Text_file_is_rejected_as_not_tflite()
    {
        byte[] bytes = "this is not a model, just some text"u8.ToArray();
        var e = Assert.Throws<InvalidDataException>(() => TfLiteModel.Parse(bytes, "notes.txt"));
        Assert.StartsWith("notes.txt: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a TFLite model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiny_file_is_rejected_as_too_short()
    {
        var e = Assert.Throws<InvalidDataException>(() => TfLiteModel.Parse(new byte[] { 1, 2, 3 }, "tiny.tflite"));
        Assert.Contains("tiny.tflite", e.Message, StringComparison.Ordinal);
        Assert.Contains("too short", e.Message, StringComparison.Ordinal);
    }

    [NeedsTheory(Needs.MediaPipeTfLite)]
    [InlineData(12)]
    [InlineData(100)]
    [InlineData(5000)]
    [InlineData(1_000_000)]
    [InlineData(2_962_000)]
    public void Truncated_detector_is_rejected_with_the_file_name(int keepBytes)
    {
        byte[] whole = File.ReadAllBytes(MediaPipePackage.File("pose_detection.tflite"));
        byte[] cut = whole.AsSpan(0, keepBytes).ToArray();
        var e = Assert.Throws<InvalidDataException>(() => TfLiteModel.Parse(cut, "cut.tflite"));
        Assert.StartsWith("cut.tflite: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_behind_a_valid_identifier_never_escape_as_another_exception()
    {
        var random = new Random(1234);
        for (int trial = 0; trial < 300; trial++)
        {
            byte[] bytes = new byte[random.Next(8, 400)];
            random.NextBytes(bytes);
            "TFL3"u8.CopyTo(bytes.AsSpan(4));
            try
            {
                TfLiteModel.Parse(bytes, "random.tflite");
            }
            catch (InvalidDataException e)
            {
                Assert.StartsWith("random.tflite: ", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [NeedsFact(Needs.MediaPipeTfLite)]
    public void Corrupted_real_model_fails_cleanly_or_parses()
    {
        byte[] whole = File.ReadAllBytes(MediaPipePackage.File("pose_landmark_lite.tflite"));
        var random = new Random(99);
        for (int trial = 0; trial < 40; trial++)
        {
            byte[] bytes = (byte[])whole.Clone();

            // Damage the FlatBuffer's tables and offsets (the first KB and the tail hold most of them).
            for (int k = 0; k < 16; k++)
            {
                int at = random.Next(2) == 0 ? random.Next(8, 1024) : random.Next(bytes.Length - 4096, bytes.Length);
                bytes[at] = (byte)random.Next(256);
            }

            try
            {
                TfLiteModel.Parse(bytes, "damaged.tflite");
            }
            catch (InvalidDataException e)
            {
                Assert.StartsWith("damaged.tflite: ", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => TfLiteModel.Load("/nonexistent/model.tflite"));
        Assert.Contains("/nonexistent/model.tflite", e.Message, StringComparison.Ordinal);
    }
}
