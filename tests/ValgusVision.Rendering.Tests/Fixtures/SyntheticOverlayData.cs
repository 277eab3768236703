using System.Collections.Immutable;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Rendering.Tests.Fixtures;

/// <summary>The overlay's inputs for a <see cref="SyntheticSquat"/>: per-frame states and the session timeline.</summary>
internal static class SyntheticOverlayData
{
    public const double Threshold = 10.0;

    public static SessionTimeline Timeline(SyntheticSquat squat)
    {
        var times = ImmutableArray.CreateBuilder<double>(squat.FrameCount);
        var fppa = ImmutableArray.CreateBuilder<double>(squat.FrameCount);
        var shift = ImmutableArray.CreateBuilder<double>(squat.FrameCount);
        var events = ImmutableArray.CreateBuilder<TimeInterval>();
        double? eventStart = null;
        for (var i = 0; i < squat.FrameCount; i++)
        {
            var pose = squat.Pose(i);
            var value = SyntheticSquat.Fppa(pose);
            times.Add(pose.TimeSeconds);
            fppa.Add(value);
            shift.Add(squat.HipShiftPercent(pose));
            if (value >= Threshold && eventStart is null)
            {
                eventStart = pose.TimeSeconds;
            }
            else if (value < Threshold && eventStart is { } start)
            {
                events.Add(new TimeInterval(start, pose.TimeSeconds));
                eventStart = null;
            }
        }

        var reps = ImmutableArray.CreateBuilder<RepMarker>();
        for (var r = 0; r < SyntheticSquat.PeakKneeShiftPixels.Length; r++)
        {
            reps.Add(new RepMarker(r + 1, SyntheticSquat.RepStart(r), SyntheticSquat.RepBottom(r), SyntheticSquat.RepEnd(r)));
        }

        return new SessionTimeline(times.MoveToImmutable(), fppa.MoveToImmutable(), shift.MoveToImmutable(), reps.ToImmutable(), events.ToImmutable(), Threshold);
    }

    public static OverlayFrameState State(SyntheticSquat squat, SessionTimeline timeline, int frameIndex)
    {
        var pose = squat.Pose(frameIndex);
        var t = pose.TimeSeconds;
        var (_, rep) = SyntheticSquat.DepthAt(t);
        var done = 0;
        foreach (var marker in timeline.Reps)
        {
            if (marker.EndSeconds <= t)
            {
                done++;
            }
        }

        var inEvent = false;
        foreach (var interval in timeline.ValgusEvents)
        {
            inEvent |= interval.Contains(t);
        }

        return new OverlayFrameState(t, StanceLeg.Left, SyntheticSquat.Fppa(pose), squat.HipShiftPercent(pose),
            SyntheticSquat.PelvicDrop(pose), rep + 1, done, inEvent);
    }

    /// <summary>A BGR frame with a soft gradient and a floor, standing in for video.</summary>
    public static byte[] Background(int width, int height, int stride)
    {
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = (y * stride) + (x * 3);
                var floor = y > height * 0.85;
                pixels[o] = (byte)(floor ? 70 : 120 + (60 * x / width));
                pixels[o + 1] = (byte)(floor ? 80 : 110 + (40 * y / height));
                pixels[o + 2] = (byte)(floor ? 95 : 100);
            }
        }

        return pixels;
    }
}
