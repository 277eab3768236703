using System.Buffers;
using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Detection;
using ValgusVision.Pose.Landmarks;
using ValgusVision.Pose.Runtime;
using ValgusVision.Pose.Smoothing;
using ValgusVision.Pose.Tracking;

namespace ValgusVision.Pose;

/// <summary>
/// MediaPipe Pose (BlazePose, legacy solution) on ONNX Runtime, step by step as BLAZEPOSE.md §0 describes:
/// detector only when there is no ROI from the previous frame, landmark model on the ROI, presence gate, heatmap
/// refinement, projection, One-Euro smoothing with the frames' real timestamps, next ROI from the smoothed auxiliary
/// landmarks. Our additions: the subject lock (<see cref="SubjectSelection"/>) and the leg-swap flag. One ORT session
/// per model, buffers reused: a tracking frame allocates nothing. Not thread-safe: one estimator per video.
/// </summary>
public sealed class BlazePoseEstimator : IPoseEstimator
{
    private const int Aux = 2;

    private readonly BlazePoseOptions _options;
    private readonly PoseDetector _detector;
    private readonly PoseLandmarkModel _landmarkModel;
    private readonly FrameImage _frame = new();
    private readonly Landmark[] _roiLandmarks = new Landmark[LandmarkDecoder.ModelLandmarkCount];
    private readonly Landmark[] _mirroredLandmarks = new Landmark[LandmarkDecoder.ModelLandmarkCount];
    private readonly float[] _worldRaw = new float[LandmarkDecoder.ModelLandmarkCount * 3];
    private readonly float[] _mirroredWorld = new float[LandmarkDecoder.ModelLandmarkCount * 3];
    private readonly Landmark[] _aux = new Landmark[Aux];
    private readonly LandmarkSmoother _bodySmoother;
    private readonly LandmarkSmoother _auxSmoother = new(Aux, OneEuroFilterSettings.AuxiliaryLandmarks);
    private readonly LandmarkSmoother _worldSmoother = new(BodyLandmarks.Count, OneEuroFilterSettings.WorldLandmarks);
    private readonly VisibilitySmoother _bodyVisibility = new(BodyLandmarks.Count);
    private readonly VisibilitySmoother _auxVisibility = new(Aux);
    private readonly VisibilitySmoother _worldVisibility = new(BodyLandmarks.Count);
    private readonly SubjectSelector _subject;
    private readonly LegSwapDetector _legSwap = new();
    private RotatedRoi _trackedRoi;
    private bool _hasTrackedRoi;

    public BlazePoseEstimator(BlazePoseOptions? options = null, SessionOptions? sessionOptions = null)
    {
        _options = options ?? new BlazePoseOptions();
        if (_options.IntraOpThreads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.IntraOpThreads, "IntraOpThreads must be at least 1");
        }

        if (_options.HeatmapWindow < 0 || (_options.HeatmapWindow != 0 && _options.HeatmapWindow % 2 == 0) || _options.HeatmapWindow > HeatmapRefiner.HeatmapSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.HeatmapWindow, "the heatmap window must be an odd number of cells up to 63, or 0 for none");
        }

        if (!(_options.RoiScale is >= 0.5f and <= 3f))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.RoiScale, "the ROI scale must be between 0.5 and 3");
        }

        if (!(_options.BodySmoothing.MinCutoff > 0) || !(_options.BodySmoothing.Beta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.BodySmoothing, "the body smoothing's min cutoff must be above 0 Hz and its beta at least 0");
        }

        _bodySmoother = new(BodyLandmarks.Count, _options.BodySmoothing);

        string detectorPath = _options.DetectorModelPath ?? PoseModels.Locate(PoseModels.DetectorFileName, _options.ModelDirectory);
        string landmarkPath = _options.LandmarkModelPath ?? PoseModels.Locate(PoseModels.LandmarkFileName(_options.Model), _options.ModelDirectory);
        _subject = new SubjectSelector(_options.Subject);
        _detector = new PoseDetector(detectorPath, _options.IntraOpThreads, sessionOptions, _options.CropSampling, _options.ThreadSpinning, _options.Device);
        try
        {
            _landmarkModel = new PoseLandmarkModel(landmarkPath, _options.IntraOpThreads, sessionOptions, _options.CropSampling, _options.ThreadSpinning, _options.Device);
        }
        catch
        {
            _detector.Dispose();
            throw;
        }
    }

    public BlazePoseOptions Options => _options;

    public string LandmarkModelPath => _landmarkModel.ModelPath;

    public unsafe void Estimate(in ImageFrame frame, PoseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        CheckFrame(frame);
        long start = Stopwatch.GetTimestamp();
        result.Clear();
        result.TimestampSeconds = frame.TimestampSeconds;
        result.ImageWidth = frame.Width;
        result.ImageHeight = frame.Height;

        using MemoryHandle pin = frame.Pixels.Pin();
        _frame.Attach((nint)pin.Pointer, frame.Width, frame.Height, frame.StrideBytes, frame.Format);

        double detectorMs = 0, cropMs = 0;
        RotatedRoi roi;
        if (_hasTrackedRoi && !_options.StaticImageMode)
        {
            roi = _trackedRoi;
        }
        else
        {
            result.DetectorRan = true;
            int count = _detector.Detect(_frame, frame.Width, frame.Height, _options.MinDetectionConfidence, out double detCropMs, out double detInferMs);
            result.PeopleDetected = count;
            detectorMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds - detCropMs;
            cropMs = detCropMs;
            int chosen = _subject.Select(_detector.Candidates, frame.Width, frame.Height);
            if (count == 0 || chosen < 0)
            {
                PoseLost();
                Finish(result, start, detectorMs, cropMs, 0, 0, 0);
                return;
            }

            roi = DetectionToRoi.Compute(_detector.Candidates[chosen], frame.Width, frame.Height, _options.RoiScale);
            if (!(roi.Width > 0))
            {
                // Both alignment keypoints in one place: MediaPipe fails the graph; we report no pose.
                PoseLost();
                Finish(result, start, detectorMs, cropMs, 0, 0, 0);
                return;
            }
        }

        result.Roi = roi;
        long t0 = Stopwatch.GetTimestamp();
        _landmarkModel.Crop(_frame, roi);
        long t1 = Stopwatch.GetTimestamp();
        _landmarkModel.Infer();
        long t2 = Stopwatch.GetTimestamp();
        cropMs += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
        double landmarkMs = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;

        float presence = _landmarkModel.Presence;
        result.PresenceScore = presence;
        if (!(presence > _options.MinTrackingConfidence))
        {
            PoseLost();
            Finish(result, start, detectorMs, cropMs, landmarkMs, Stopwatch.GetElapsedTime(t2).TotalMilliseconds, 0);
            return;
        }

        DecodeLandmarks(roi, result);
        if (_options.FlipAveraging)
        {
            // The mirrored run's crop and inference count as the landmark stage: it is the lever's whole cost.
            long tf = Stopwatch.GetTimestamp();
            AverageWithMirror(roi);
            landmarkMs += Stopwatch.GetElapsedTime(tf).TotalMilliseconds;
            t2 += Stopwatch.GetTimestamp() - tf;
        }

        Project(roi, result);
        long t3 = Stopwatch.GetTimestamp();
        Smooth(frame.TimestampSeconds, result);
        UpdateTracking();
        double smoothingMs = Stopwatch.GetElapsedTime(t3).TotalMilliseconds;

        result.HasPose = true;
        Finish(result, start, detectorMs, cropMs, landmarkMs, Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds, smoothingMs);
    }

    public void Reset()
    {
        _hasTrackedRoi = false;
        _bodySmoother.Reset();
        _auxSmoother.Reset();
        _worldSmoother.Reset();
        _bodyVisibility.Reset();
        _auxVisibility.Reset();
        _worldVisibility.Reset();
        _subject.Reset();
        _legSwap.Reset();
    }

    public void Dispose()
    {
        _landmarkModel.Dispose();
        _detector.Dispose();
        _frame.Dispose();
    }

    /// <summary>The plain run's landmarks, world tensor and mask, kept before a mirrored run overwrites the model's outputs.</summary>
    private void DecodeLandmarks(in RotatedRoi roi, PoseResult result)
    {
        _landmarkModel.DecodeLandmarks(_roiLandmarks, _options.HeatmapWindow);
        _landmarkModel.WorldRaw[.._worldRaw.Length].CopyTo(_worldRaw);
        result.Segmentation.Resize(PoseLandmarkModel.MaskSize);
        _landmarkModel.SegmentationLogits.CopyTo(result.Segmentation.Logits);
        result.Segmentation.Roi = roi;
        result.HasSegmentation = true;
    }

    private void AverageWithMirror(in RotatedRoi roi)
    {
        _landmarkModel.Crop(_frame, roi, mirrored: true);
        _landmarkModel.Infer();
        _landmarkModel.DecodeLandmarks(_mirroredLandmarks, _options.HeatmapWindow);
        FlipAveraging.MirrorBack(_mirroredLandmarks, FlipAveraging.MirrorSum(_options.CropSampling, PoseLandmarkModel.InputSize));
        FlipAveraging.Average(_roiLandmarks, _mirroredLandmarks);

        _landmarkModel.WorldRaw[.._mirroredWorld.Length].CopyTo(_mirroredWorld);
        FlipAveraging.MirrorBackWorld(_mirroredWorld);
        FlipAveraging.Average(_worldRaw, _mirroredWorld);
    }

    private void Project(in RotatedRoi roi, PoseResult result)
    {
        Landmark[] body = result.Landmarks;
        for (int i = 0; i < BodyLandmarks.Count; i++)
        {
            body[i] = LandmarkProjector.Project(_roiLandmarks[i], roi);
        }

        _aux[0] = LandmarkProjector.Project(_roiLandmarks[LandmarkDecoder.AuxiliaryCenterIndex], roi);
        _aux[1] = LandmarkProjector.Project(_roiLandmarks[LandmarkDecoder.AuxiliaryScaleIndex], roi);
        WorldLandmarkProjector.Project(_worldRaw, _roiLandmarks, roi.RotationRadians, result.WorldLandmarks);
    }

    private void Smooth(double timestampSeconds, PoseResult result)
    {
        // MediaPipe's clock is the packet's µs timestamp, in ns inside the One-Euro filter.
        long timestampNs = (long)Math.Round(timestampSeconds * 1e6) * 1000;

        // Object scale from the unsmoothed auxiliary landmarks, AlignmentPoints only (no ×1.25): 2·|aux34 − aux33|.
        float objectScale = AlignmentPoints.ToRect(_aux[0].X, _aux[0].Y, _aux[1].X, _aux[1].Y).Width;
        result.LegSwapSuspected = _legSwap.Check(result.Landmarks, objectScale);

        if (_options.SmoothingActive)
        {
            _bodyVisibility.Apply(result.Landmarks);
            _bodySmoother.Apply(result.Landmarks, timestampNs, objectScale);
            _worldVisibility.Apply(result.WorldLandmarks);
            _worldSmoother.Apply(result.WorldLandmarks, timestampNs);
        }

        // The auxiliary filter runs even without smooth_landmarks: it steadies the tracking ROI.
        _auxVisibility.Apply(_aux);
        _auxSmoother.Apply(_aux, timestampNs, objectScale);
    }

    private void UpdateTracking()
    {
        _subject.Update(_aux[0].X, _aux[0].Y);
        RotatedRoi next = LandmarksToRoi.Compute(_aux[0], _aux[1], _options.RoiScale);
        _hasTrackedRoi = next.Width > 0;
        _trackedRoi = next;
    }

    /// <summary>No pose on this frame: the next frame runs the detector; coordinate filters start afresh.</summary>
    private void PoseLost()
    {
        _hasTrackedRoi = false;
        _bodySmoother.Reset();
        _auxSmoother.Reset();
        _legSwap.Reset();

        // The visibility and world filters are not called on frames without landmarks in MediaPipe's graph, so
        // they keep their state across the gap (BLAZEPOSE.md §7).
    }

    private static void Finish(PoseResult result, long start, double detectorMs, double cropMs, double landmarkMs, double decodeMs, double smoothingMs) =>
        result.Timings = new PoseStageTimings(detectorMs, cropMs, landmarkMs, decodeMs, smoothingMs, Stopwatch.GetElapsedTime(start).TotalMilliseconds);

    private static void CheckFrame(in ImageFrame frame)
    {
        if (frame.Width <= 0 || frame.Height <= 0)
        {
            throw new ArgumentException($"frame at {frame.TimestampSeconds:0.###} s has an empty size {frame.Width}×{frame.Height}", nameof(frame));
        }

        int rowBytes = frame.Width * frame.BytesPerPixel;
        long needed = (long)(frame.Height - 1) * frame.StrideBytes + rowBytes;
        if (frame.StrideBytes < rowBytes || frame.Pixels.Length < needed)
        {
            throw new ArgumentException(
                $"frame at {frame.TimestampSeconds:0.###} s ({frame.Width}×{frame.Height} {frame.Format}) has stride {frame.StrideBytes} " +
                $"and {frame.Pixels.Length} bytes; it needs stride ≥ {rowBytes} and {needed} bytes", nameof(frame));
        }
    }
}
