using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;
using ValgusVision.Rendering.Reports;

namespace ValgusVision.Rendering.Tests.Fixtures;

/// <summary>A report made the way the pipeline makes one: the domain's analysis of the synthetic squat's poses.</summary>
internal static class SyntheticReport
{
    public static (AnalysisReport Report, SyntheticSquat Squat, ImmutableArray<PoseFrame> Poses) Build(
        int width = 1280, int height = 720, bool withImages = true, Func<int, PoseFrame, PoseFrame>? alter = null)
    {
        var squat = new SyntheticSquat(width, height);
        var poses = ImmutableArray.CreateBuilder<PoseFrame>(squat.FrameCount);
        for (var i = 0; i < squat.FrameCount; i++)
        {
            var pose = squat.Pose(i);
            poses.Add(alter is null ? pose : alter(i, pose));
        }

        var settings = AnalysisSettings.Default with { Exercise = Exercise.SingleLegSquat };
        var analysis = SessionAnalyzer.Analyze(poses, settings);
        var images = ImmutableDictionary<int, byte[]>.Empty;
        if (withImages)
        {
            var session = OverlaySession.From(analysis);
            using var painter = new OverlayPainter(width, height, session.Timeline);
            foreach (var rep in analysis.Reps)
            {
                var stride = width * 3;
                var pixels = SyntheticOverlayData.Background(width, height, stride);
                painter.Paint(pixels, stride, PixelFormat.Bgr24, poses[rep.BottomFrame], session.StateAt(rep.BottomFrame));
                images = images.Add(rep.Index, FrameSnapshot.EncodeJpeg(pixels, width, height, stride, PixelFormat.Bgr24));
            }
        }

        var report = new AnalysisReport(
            "0.1.0-test",
            new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero),
            "full",
            new InputProperties("client-07 single leg squat.mp4", width, height, SyntheticSquat.Fps, squat.FrameCount,
                poses[^1].TimeSeconds, 90),
            analysis,
            ImmutableDictionary<string, string>.Empty.Add("refine", "none").Add("smoothing", "one-euro"),
            ["3 frames could not be decoded and were skipped."],
            RepBottomImages: images);
        return (report, squat, poses.ToImmutable());
    }
}
