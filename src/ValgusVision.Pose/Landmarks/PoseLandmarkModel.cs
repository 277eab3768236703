using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.Pose.Landmarks;

/// <summary>
/// The landmark stage on one ROI (docs/pose-pipeline.md#landmark-model): 256×256 crop with replicated borders in [0, 1], one ORT
/// inference, then landmark decoding and heatmap refinement into ROI-normalised landmarks. The raw presence,
/// world and segmentation outputs stay readable until the next call.
/// </summary>
public sealed class PoseLandmarkModel : IDisposable
{
    public const int InputSize = LandmarkDecoder.InputSize;

    /// <summary>The segmentation output's cells per side (docs/pose-pipeline.md#landmark-model): one logit per pixel of the 256×256 crop.</summary>
    public const int MaskSize = 256;

    private const int LandmarksOutput = 0, PresenceOutput = 1, SegmentationOutput = 2, HeatmapOutput = 3, WorldOutput = 4;

    private const int PlainLane = 0;

    private readonly OnnxModelRunner _model;
    private readonly RoiCropper _cropper;
    private readonly RoiCropper? _mirrorCropper;
    private readonly int _mirrorLane = -1;

    /// <param name="mirrorLane">
    /// Also keep a second set of buffers and a cropper for the mirrored ROI (<see cref="CropMirror"/>,
    /// <see cref="InferMirror"/>), so flip averaging's second run can go on another thread while the plain one runs.
    /// </param>
    public PoseLandmarkModel(string modelPath, int intraOpThreads, SessionOptions? sessionOptions = null, CropSampling sampling = CropSampling.CornerAligned, bool threadSpinning = false,
        ExecutionDevice device = ExecutionDevice.Cpu, bool mirrorLane = false)
    {
        _cropper = new RoiCropper(InputSize, BorderTypes.Replicate, 1f / 255f, 0f, sampling);
        _model = new OnnxModelRunner(modelPath, "pose landmark", PoseModels.LandmarkInput, PoseModels.LandmarkOutputs, intraOpThreads, sessionOptions, threadSpinning, device);
        if (mirrorLane)
        {
            _mirrorCropper = new RoiCropper(InputSize, BorderTypes.Replicate, 1f / 255f, 0f, sampling);
            _mirrorLane = _model.AddLane();
        }
    }

    public bool HasMirrorLane => _mirrorLane >= 0;

    public string ModelPath => _model.ModelPath;

    /// <summary>The pose-presence probability (the model already applies the sigmoid).</summary>
    public float Presence => _model.OutputOf(PlainLane, PresenceOutput)[0];

    public ReadOnlySpan<float> WorldRaw => _model.Output(WorldOutput);

    public ReadOnlySpan<float> SegmentationLogits => _model.Output(SegmentationOutput);

    /// <param name="mirrored">Crop the ROI's mirror image (flip averaging, <see cref="FlipAveraging"/>).</param>
    public void Crop(FrameImage frame, in RotatedRoi roi, bool mirrored = false) => _cropper.Crop(frame, roi, _model.Input, mirrored);

    public void Infer() => _model.Run();

    /// <summary>The mirrored ROI into the mirror lane (its own cropper: may run while <see cref="Crop"/>/<see cref="Infer"/> do).</summary>
    public void CropMirror(FrameImage frame, in RotatedRoi roi) => MirrorCropper.Crop(frame, roi, _model.InputOf(MirrorLane), mirrored: true);

    /// <summary>The mirror lane's inference, on the same ORT session.</summary>
    public void InferMirror()
    {
        _model.Run(MirrorLane);
    }

    /// <summary>The mirror lane's landmarks, heatmap-refined, as <see cref="DecodeLandmarks"/>.</summary>
    public void DecodeMirrorLandmarks(Span<Landmark> roiLandmarks, int heatmapWindow = HeatmapRefiner.KernelSize)
    {
        LandmarkDecoder.Decode(_model.OutputOf(MirrorLane, LandmarksOutput), roiLandmarks);
        HeatmapRefiner.Refine(
            _model.OutputOf(MirrorLane, HeatmapOutput), LandmarkDecoder.ModelLandmarkCount, roiLandmarks[..LandmarkDecoder.ModelLandmarkCount], heatmapWindow);
    }

    public ReadOnlySpan<float> MirrorWorldRaw => _model.OutputOf(MirrorLane, WorldOutput);

    public ReadOnlySpan<float> MirrorSegmentationLogits => _model.OutputOf(MirrorLane, SegmentationOutput);

    private RoiCropper MirrorCropper => _mirrorCropper ?? throw NoMirrorLane();

    private int MirrorLane => _mirrorLane >= 0 ? _mirrorLane : throw NoMirrorLane();

    private static InvalidOperationException NoMirrorLane() => new("this landmark model was made without a mirror lane");

    /// <summary>Decodes all 39 landmarks and refines them with the heatmap (refinement precedes projection).</summary>
    /// <param name="heatmapWindow">The refinement window in heatmap cells (<see cref="HeatmapRefiner.KernelSize"/>; 0 = none).</param>
    public void DecodeLandmarks(Span<Landmark> roiLandmarks, int heatmapWindow = HeatmapRefiner.KernelSize)
    {
        LandmarkDecoder.Decode(_model.Output(LandmarksOutput), roiLandmarks);
        HeatmapRefiner.Refine(
            _model.Output(HeatmapOutput), LandmarkDecoder.ModelLandmarkCount, roiLandmarks[..LandmarkDecoder.ModelLandmarkCount], heatmapWindow);
    }

    public void Dispose()
    {
        _mirrorCropper?.Dispose();
        _cropper.Dispose();
        _model.Dispose();
    }
}
