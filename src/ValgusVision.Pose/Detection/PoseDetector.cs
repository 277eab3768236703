using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.Pose.Detection;

/// <summary>
/// The pose detector stage (docs/pose-pipeline.md, from #detector-input to #detections): letterboxed 224×224 crop of the whole frame in [−1, 1], one ORT
/// inference, decoding against the SSD anchors, weighted NMS and letterbox removal. Candidates are in normalised
/// image coordinates, highest score first, valid until the next call.
/// </summary>
public sealed class PoseDetector : IDisposable
{
    public const int InputSize = 224;

    private readonly OnnxModelRunner _model;
    private readonly RoiCropper _cropper;
    private readonly WeightedNms _nms = new();
    private readonly PoseDetection[] _decoded = new PoseDetection[SsdAnchors.Count];
    private readonly PoseDetection[] _candidates = new PoseDetection[SsdAnchors.Count];
    private int _candidateCount;

    public PoseDetector(string modelPath, int intraOpThreads, SessionOptions? sessionOptions = null, CropSampling sampling = CropSampling.CornerAligned, bool threadSpinning = false,
        ExecutionDevice device = ExecutionDevice.Cpu)
    {
        _cropper = new RoiCropper(InputSize, BorderTypes.Constant, 2f / 255f, -1f, sampling);
        _model = new OnnxModelRunner(modelPath, "pose detector", PoseModels.DetectorInput, PoseModels.DetectorOutputs, intraOpThreads, sessionOptions, threadSpinning, device);
    }

    public ReadOnlySpan<PoseDetection> Candidates => _candidates.AsSpan(0, _candidateCount);

    /// <summary>The whole frame, enlarged to a centred square (keep_aspect_ratio) — the letterbox.</summary>
    public static RotatedRoi LetterboxRoi(int width, int height)
    {
        float side = Math.Max(width, height);
        return new RotatedRoi(width / 2f, height / 2f, side, side, 0f);
    }

    /// <summary>Runs the detector on <paramref name="frame"/>; returns the candidate count.</summary>
    public int Detect(FrameImage frame, int width, int height, float minScore, out double cropMs, out double inferenceMs)
    {
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        _cropper.Crop(frame, LetterboxRoi(width, height), _model.Input);
        long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        _model.Run();
        long t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        DecodeOutputs(minScore, LetterboxPadding.ForImage(width, height));
        cropMs = System.Diagnostics.Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
        inferenceMs = System.Diagnostics.Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
        return _candidateCount;
    }

    /// <summary>
    /// Runs the detector on one axis-aligned square <paramref name="region"/> of the frame (a tile of a people count,
    /// which sees small people at more pixels than the whole-frame letterbox); candidates are mapped back to
    /// normalised image coordinates like <see cref="Detect(FrameImage, int, int, float, out double, out double)"/>'s.
    /// </summary>
    public int Detect(FrameImage frame, int width, int height, in RotatedRoi region, float minScore)
    {
        _cropper.Crop(frame, region, _model.Input);
        _model.Run();
        int decoded = DetectionDecoder.Decode(_model.Output(0), _model.Output(1), minScore, _decoded);
        _candidateCount = _nms.Run(_decoded.AsSpan(0, decoded), _candidates);
        TileToImage.Apply(_candidates.AsSpan(0, _candidateCount), region, width, height);
        return _candidateCount;
    }

    /// <summary>Decodes the last inference's outputs (exposed so tests can inspect the raw decode).</summary>
    public void DecodeOutputs(float minScore, LetterboxPadding padding)
    {
        int decoded = DetectionDecoder.Decode(_model.Output(0), _model.Output(1), minScore, _decoded);
        _candidateCount = _nms.Run(_decoded.AsSpan(0, decoded), _candidates);
        DetectionLetterboxRemoval.Apply(_candidates.AsSpan(0, _candidateCount), padding);
    }

    public void Dispose()
    {
        _cropper.Dispose();
        _model.Dispose();
    }
}
