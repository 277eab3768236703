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
/// MediaPipe Pose (BlazePose, legacy solution) on ONNX Runtime, step by step as docs/pose-pipeline.md#per-frame describes:
/// detector only when there is no ROI from the previous frame, landmark model on the ROI, presence gate, heatmap
/// refinement, projection, One-Euro smoothing with the frames' real timestamps, next ROI from the smoothed auxiliary
/// landmarks. Our additions: the subject lock (<see cref="SubjectSelection"/>; someone far from the subject is
/// "subject lost", never a switch), the people count once a second (<see cref="PeopleCounter"/>) and the leg-swap
/// flag. One ORT session per model, buffers reused: a tracking frame allocates nothing. Not thread-safe: one
/// estimator per video.
/// </summary>
public sealed class BlazePoseEstimator : IPoseEstimator
{
    private const int Aux = 2;

    private readonly BlazePoseOptions _options;
    private readonly PoseDetector _detector;
    private readonly PoseLandmarkModel _landmarkModel;
    private readonly BackgroundStep? _mirrorStep;
    private RotatedRoi _mirrorRoi;
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
    private readonly PeopleCounter _people = new();
    private readonly RotatedRoi[] _tiles = new RotatedRoi[8];
    private readonly PoseDetection[] _tileCandidates = new PoseDetection[64];
    private RotatedRoi _trackedRoi;
    private bool _hasTrackedRoi;
    private int? _peopleCount;
    private double _peopleCountSeconds;

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

        if (!(_options.SubjectMaxJumpBodySizes > 0) || !(_options.SubjectLockSeconds >= 0) || !(_options.PeopleCountIntervalSeconds >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the subject lock's reach must be above 0 body sizes, its time and the people count's interval at least 0 s");
        }

        _bodySmoother = new(BodyLandmarks.Count, _options.BodySmoothing);

        string detectorPath = _options.DetectorModelPath ?? PoseModels.Locate(PoseModels.DetectorFileName, _options.ModelDirectory);
        string landmarkPath = _options.LandmarkModelPath ?? PoseModels.Locate(PoseModels.LandmarkFileName(_options.Model), _options.ModelDirectory);
        _subject = new SubjectSelector(_options.Subject, _options.SubjectMaxJumpBodySizes, _options.SubjectLockSeconds);
        _detector = new PoseDetector(detectorPath, _options.IntraOpThreads, sessionOptions, _options.CropSampling, _options.ThreadSpinning, _options.Device);
        try
        {
            bool concurrentFlip = _options.FlipAveraging && _options.ConcurrentFlip;
            _landmarkModel = new PoseLandmarkModel(
                landmarkPath, _options.IntraOpThreads, sessionOptions, _options.CropSampling, _options.ThreadSpinning, _options.Device, mirrorLane: concurrentFlip);
            if (concurrentFlip)
            {
                // Made once: the per-frame work reads the ROI from a field, so starting it allocates nothing.
                _mirrorStep = new BackgroundStep(
                    () =>
                    {
                        _landmarkModel.CropMirror(_frame, _mirrorRoi);
                        _landmarkModel.InferMirror();
                    },
                    "flip averaging: mirrored landmark run");
            }
        }
        catch
        {
            _landmarkModel?.Dispose();
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
        RotatedRoi roi = _trackedRoi;
        bool hasRoi = _hasTrackedRoi && !_options.StaticImageMode;
        if (!hasRoi)
        {
            result.DetectorRan = true;
            _detector.Detect(_frame, frame.Width, frame.Height, _options.MinDetectionConfidence, out double detCropMs, out _);
            detectorMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds - detCropMs;
            cropMs = detCropMs;
            int chosen = _subject.Select(_detector.Candidates, frame.Width, frame.Height, frame.TimestampSeconds);
            result.SubjectLost = _subject.Refused;
            if (chosen >= 0)
            {
                // Both alignment keypoints in one place gives no ROI: MediaPipe fails the graph; we report no pose.
                roi = DetectionToRoi.Compute(_detector.Candidates[chosen], frame.Width, frame.Height, _options.RoiScale);
                hasRoi = roi.Width > 0;
            }
        }

        // After the subject's detection (whose candidates the count reuses), before anything can return.
        detectorMs += CountPeople(frame, result);
        if (result.DetectorRan && !hasRoi)
        {
            long tiles = Stopwatch.GetTimestamp();
            hasRoi = FindInTiles(frame, result, ref roi);
            detectorMs += Stopwatch.GetElapsedTime(tiles).TotalMilliseconds;
        }

        if (!hasRoi)
        {
            PoseLost();
            Finish(result, start, detectorMs, cropMs, 0, 0, 0);
            return;
        }

        result.Roi = roi;
        long t0 = Stopwatch.GetTimestamp();
        _landmarkModel.Crop(_frame, roi);
        long t1 = Stopwatch.GetTimestamp();
        if (_mirrorStep is not null)
        {
            // The mirrored crop and inference on the second core while this thread runs the plain one. It reads the
            // frame, pinned only during this call, so it is waited for before anything below can return.
            _mirrorRoi = roi;
            _mirrorStep.Start();
            try
            {
                _landmarkModel.Infer();
            }
            finally
            {
                _mirrorStep.Wait();
            }
        }
        else
        {
            _landmarkModel.Infer();
        }

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
            // The mirrored run's crop and inference (or, run beside the plain one, its decoding) count as the landmark
            // stage: it is the lever's whole cost.
            long tf = Stopwatch.GetTimestamp();
            AverageWithMirror(roi, result);
            landmarkMs += Stopwatch.GetElapsedTime(tf).TotalMilliseconds;
            t2 += Stopwatch.GetTimestamp() - tf;
        }

        Project(roi, result);
        if (_subject.IsSomeoneElse(_aux[0].X, _aux[0].Y, frame.TimestampSeconds))
        {
            // The ROI slid on to another person (or the model picked one inside it): no pose rather than a switch.
            result.SubjectLost = true;
            result.HasSegmentation = false;
            PoseLost();
            Finish(result, start, detectorMs, cropMs, landmarkMs, Stopwatch.GetElapsedTime(t2).TotalMilliseconds, 0);
            return;
        }

        long t3 = Stopwatch.GetTimestamp();
        Smooth(frame.TimestampSeconds, result);
        UpdateTracking(frame.TimestampSeconds);
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
        _peopleCount = null;
    }

    public void Dispose()
    {
        _mirrorStep?.Dispose();
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

    /// <summary>Landmarks, world tensor and mask, each averaged with the mirrored run's mapped back (<see cref="FlipAveraging"/>).</summary>
    private void AverageWithMirror(in RotatedRoi roi, PoseResult result)
    {
        bool concurrent = _mirrorStep is not null;
        if (concurrent)
        {
            _landmarkModel.DecodeMirrorLandmarks(_mirroredLandmarks, _options.HeatmapWindow);
        }
        else
        {
            // Sequential (BlazePoseOptions.ConcurrentFlip off): the mirrored run overwrites the plain run's outputs,
            // which DecodeLandmarks has already copied.
            _landmarkModel.Crop(_frame, roi, mirrored: true);
            _landmarkModel.Infer();
            _landmarkModel.DecodeLandmarks(_mirroredLandmarks, _options.HeatmapWindow);
        }

        FlipAveraging.MirrorBack(_mirroredLandmarks, FlipAveraging.MirrorSum(_options.CropSampling, PoseLandmarkModel.InputSize));
        FlipAveraging.Average(_roiLandmarks, _mirroredLandmarks);

        (concurrent ? _landmarkModel.MirrorWorldRaw : _landmarkModel.WorldRaw)[.._mirroredWorld.Length].CopyTo(_mirroredWorld);
        FlipAveraging.MirrorBackWorld(_mirroredWorld);
        FlipAveraging.Average(_worldRaw, _mirroredWorld);

        // The refinement centres knees and ankles in this mask: the plain run's alone would carry its lean back in.
        var mirroredMask = concurrent ? _landmarkModel.MirrorSegmentationLogits : _landmarkModel.SegmentationLogits;
        FlipAveraging.AverageMask(result.Segmentation.Logits, mirroredMask, PoseLandmarkModel.MaskSize, _options.CropSampling);
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

    /// <summary>
    /// The people count when it is due (<see cref="BlazePoseOptions.PeopleCountIntervalSeconds"/>), else the last one
    /// carried; returns its milliseconds. The subject's detection of this frame, if any, is its whole-frame pass.
    /// </summary>
    private double CountPeople(in ImageFrame frame, PoseResult result)
    {
        double interval = _options.PeopleCountIntervalSeconds;
        if (interval <= 0)
        {
            result.PeopleDetected = result.DetectorRan ? _detector.Candidates.Length : null;
            return 0;
        }

        double t = frame.TimestampSeconds;
        if (_peopleCount is { } last && t >= _peopleCountSeconds && t - _peopleCountSeconds < interval - 1e-6)
        {
            result.PeopleDetected = last;
            return 0;
        }

        long start = Stopwatch.GetTimestamp();
        float minScore = _options.MinDetectionConfidence;
        _people.Begin();
        int tiles = PeopleCounter.Tiles(frame.Width, frame.Height, _tiles);
        if (result.DetectorRan || tiles == 0)
        {
            // The whole frame: free when the subject's detection just ran; else only without tiles, since anyone as
            // tall as the frame and up to half a tile wide lies wholly inside one of the half-overlapping tiles.
            if (!result.DetectorRan)
            {
                _detector.Detect(_frame, frame.Width, frame.Height, minScore, out _, out _);
            }

            _people.Add(_detector.Candidates, frame.Width, frame.Height);
        }

        for (int k = 0; k < tiles; k++)
        {
            _detector.Detect(_frame, frame.Width, frame.Height, _tiles[k], minScore);
            _people.Add(_detector.Candidates, frame.Width, frame.Height);
        }

        _peopleCount = _people.Count;
        _peopleCountSeconds = t;
        result.PeopleDetected = _people.Count;
        result.PeopleCounted = true;
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>
    /// The subject's detection again, in the frame's tiles, when the whole frame found nobody (<see
    /// cref="BlazePoseOptions.DetectInTiles"/>): the candidates of all tiles together, chosen by the same subject rule.
    /// </summary>
    private bool FindInTiles(in ImageFrame frame, PoseResult result, ref RotatedRoi roi)
    {
        int tiles = _options.DetectInTiles && _options.Subject != SubjectSelection.HighestScore
            ? PeopleCounter.Tiles(frame.Width, frame.Height, _tiles)
            : 0;
        int found = 0;
        for (int k = 0; k < tiles; k++)
        {
            _detector.Detect(_frame, frame.Width, frame.Height, _tiles[k], _options.MinDetectionConfidence);
            foreach (PoseDetection d in _detector.Candidates)
            {
                if (found < _tileCandidates.Length)
                {
                    _tileCandidates[found++] = d;
                }
            }
        }

        // A refusal on the whole frame (only someone far from the subject) stands unless a tile finds the subject.
        int chosen = _subject.Select(_tileCandidates.AsSpan(0, found), frame.Width, frame.Height, frame.TimestampSeconds);
        if (chosen < 0)
        {
            result.SubjectLost |= _subject.Refused;
            return false;
        }

        result.SubjectLost = false;
        roi = DetectionToRoi.Compute(_tileCandidates[chosen], frame.Width, frame.Height, _options.RoiScale);
        return roi.Width > 0;
    }

    private void UpdateTracking(double timestampSeconds)
    {
        // Body size as the detector measures it: hip centre to the full-body point (aux33 → aux34).
        _subject.Update(_aux[0].X, _aux[0].Y, PixelDistance.Between(_aux[0].X, _aux[0].Y, _aux[1].X, _aux[1].Y), timestampSeconds);
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
        // they keep their state across the gap (docs/pose-pipeline.md#smoothing).
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
