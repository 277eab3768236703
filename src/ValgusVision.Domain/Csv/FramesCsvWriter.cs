using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Csv;

/// <summary>
/// Writes the frames CSV (docs/frames-csv.md), one row per frame. Landmarks and times are written in round-trip
/// form so <see cref="FramesCsvReader"/> gives back exactly the same numbers, which is what makes reanalysis equal
/// a fresh analysis; metrics are rounded for people. Usable row by row while recording live.
/// </summary>
public sealed class FramesCsvWriter(TextWriter writer)
{
    private readonly char[] _number = new char[32];
    private bool _headerWritten;

    /// <summary>
    /// Writes a whole analysed recording: <paramref name="metrics"/> must match <paramref name="frames"/> one to one (or
    /// be null); so must <paramref name="lunge"/>, the lunge test's frames (<see cref="Ankle.AnkleLungeResult"/>), when given.
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyList<PoseFrame> frames, IReadOnlyList<FrameMetrics>? metrics, Ankle.AnkleLungeResult? lunge = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (metrics is not null && metrics.Count != frames.Count)
        {
            throw new ArgumentException($"metrics has {metrics.Count} rows but frames has {frames.Count}", nameof(metrics));
        }

        if (lunge is not null && lunge.Frames.Length != frames.Count)
        {
            throw new ArgumentException($"the lunge test has {lunge.Frames.Length} frames but frames has {frames.Count}", nameof(lunge));
        }

        var csv = new FramesCsvWriter(writer);
        csv.WriteHeader();
        for (int i = 0; i < frames.Count; i++)
        {
            csv.WriteRow(frames[i], metrics?[i], lunge is null ? null : Lunge(lunge, i));
        }
    }

    /// <summary>The lunge test's cells of one row: front leg, levelled angle, heel lift, attempt number (per side).</summary>
    public readonly record struct LungeCells(Side? Side, double? InclinationDeg, bool HeelLifted, int? Attempt);

    private static LungeCells Lunge(Ankle.AnkleLungeResult lunge, int i)
    {
        var f = lunge.Frames[i];
        int? attempt = f.AttemptIndex is { } a && a < lunge.AllAttempts.Length ? lunge.AllAttempts[a].Number : null;
        return new LungeCells(f.FrontSide, f.InclinationDeg, f.HeelLifted, attempt);
    }

    public void WriteHeader()
    {
        writer.Write(string.Join(',', FramesCsvColumns.Header));
        writer.Write('\n');
        _headerWritten = true;
    }

    /// <summary>One frame; metric columns are left empty when <paramref name="metrics"/> is null, the lunge's when <paramref name="lunge"/> is.</summary>
    public void WriteRow(PoseFrame frame, FrameMetrics? metrics, LungeCells? lunge = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_headerWritten)
        {
            WriteHeader();
        }

        if (metrics is not null && metrics.FrameIndex != frame.FrameIndex)
        {
            throw new ArgumentException($"metrics are for frame {metrics.FrameIndex}, not frame {frame.FrameIndex}", nameof(metrics));
        }

        writer.Write(frame.FrameIndex.ToString(CultureInfo.InvariantCulture));
        Cell(frame.TimeSeconds.ToString("R", CultureInfo.InvariantCulture));
        Cell(frame.ImageWidth.ToString(CultureInfo.InvariantCulture));
        Cell(frame.ImageHeight.ToString(CultureInfo.InvariantCulture));
        Cell(frame.HasPose ? "1" : "0");
        RoundTrip(frame.HasPose ? frame.PresenceScore : null);
        Cell(frame.LegSwapSuspected ? "1" : "0");
        Cell(frame.PeopleDetected is { } people ? people.ToString(CultureInfo.InvariantCulture) : string.Empty);
        Cell(JointRefinement.Names(frame.Refinement.Refined));
        Cell(JointRefinement.Names(frame.Refinement.Kept));
        Cell(frame.Refinement.Issue.ToName());
        Cell(frame.Hips.Asked ? (frame.Hips.Moved ? "1" : "0") : string.Empty);
        Cell(HipPlacement.Name(frame.Hips.Issue));
        RoundTrip(frame.HasPose ? frame.ShankAxes.Left.CentreDeg : null);
        RoundTrip(frame.HasPose ? frame.ShankAxes.Left.ShinDeg : null);
        RoundTrip(frame.HasPose ? frame.ShankAxes.Right.CentreDeg : null);
        RoundTrip(frame.HasPose ? frame.ShankAxes.Right.ShinDeg : null);
        RoundTrip(frame.HasPose ? frame.FootBases.Left?.MiddleX : null);
        RoundTrip(frame.HasPose ? frame.FootBases.Left?.WidthPx : null);
        RoundTrip(frame.HasPose ? frame.FootBases.Right?.MiddleX : null);
        RoundTrip(frame.HasPose ? frame.FootBases.Right?.WidthPx : null);
        bool hasWorld = frame.HasPose && frame.WorldLandmarks.Length >= BodyLandmarks.Count;
        foreach (var side in (ReadOnlySpan<Side>)[Side.Left, Side.Right])
        {
            foreach (var (_, landmarkOf) in FramesCsvColumns.Joints)
            {
                var landmark = landmarkOf(side);
                if (!frame.HasPose)
                {
                    writer.Write(",,,,,,");
                    continue;
                }

                var l = frame[landmark];
                RoundTrip(l.X);
                RoundTrip(l.Y);
                RoundTrip(l.Visibility);
                var w = hasWorld ? frame.World(landmark) : default;
                RoundTrip(hasWorld ? w.X : null);
                RoundTrip(hasWorld ? w.Y : null);
                RoundTrip(hasWorld ? w.Z : null);
            }
        }

        WriteMetrics(metrics);
        WriteLunge(lunge);
        writer.Write('\n');
    }

    private void WriteMetrics(FrameMetrics? m)
    {
        if (m is null)
        {
            writer.Write(new string(',', FramesCsvColumns.Metrics.Count - LungeColumns));
            return;
        }

        var q = m.Quality;
        Rounded(m.LeftFppaDeg);
        Rounded(m.RightFppaDeg);
        Cell(Status(q.LeftFppaStatus));
        Cell(Status(q.RightFppaStatus));
        Cell(q.LeftImplausible.ToName());
        Cell(q.RightImplausible.ToName());
        Rounded(m.LeftKneeFrontal3dDeg);
        Rounded(m.RightKneeFrontal3dDeg);
        Cell(m.Stance?.ToName() ?? string.Empty);
        Rounded(m.HipShiftPct);
        Rounded(m.HipShiftChangePct);
        Rounded(m.HipShiftCm);
        Rounded(m.KneeValgusShiftPct);
        Rounded(m.PelvicDropDeg);
        Rounded(m.KneeOverFootPct);
        Rounded(m.AnkleOverFootBasePct);
        Rounded(m.TrunkLeanDeg);
        Rounded(m.TrunkFlexionDeg);
        Rounded(m.DepthPct);
        Rounded(m.KneeAnkleSeparationRatio);
        Rounded(q.BodyYawDeg);
        Cell(q.ViewWarning ? "1" : "0");
        Rounded(q.FrameRateHz);
        Rounded(q.Foreshortening.LeftThighRatio);
        Rounded(q.Foreshortening.LeftShankRatio);
        Rounded(q.Foreshortening.RightThighRatio);
        Rounded(q.Foreshortening.RightShankRatio);
        Cell(m.RepIndex is { } r ? (r + 1).ToString(CultureInfo.InvariantCulture) : string.Empty);
        Cell(m.InEvent ? "1" : "0");
    }

    private const int LungeColumns = 4;

    private void WriteLunge(LungeCells? lunge)
    {
        if (lunge is not { } l)
        {
            writer.Write(new string(',', LungeColumns));
            return;
        }

        Cell(l.Side?.ToName() ?? string.Empty);
        Rounded(l.InclinationDeg);
        Cell(l.Side is null ? string.Empty : l.HeelLifted ? "1" : "0");
        Cell(l.Attempt is { } a ? a.ToString(CultureInfo.InvariantCulture) : string.Empty);
    }

    /// <summary>CSV name of a status: measured, no_pose, low_visibility, foreshortened, degenerate, out_of_frame, implausible, subject_lost.</summary>
    public static string Status(MeasureStatus status) => status switch
    {
        MeasureStatus.Measured => "measured",
        MeasureStatus.NoPose => "no_pose",
        MeasureStatus.LowVisibility => "low_visibility",
        MeasureStatus.Foreshortened => "foreshortened",
        MeasureStatus.OutOfFrame => "out_of_frame",
        MeasureStatus.Implausible => "implausible",
        MeasureStatus.SubjectLost => "subject_lost",
        _ => "degenerate",
    };

    private void Cell(string text)
    {
        writer.Write(',');
        writer.Write(text);
    }

    private void RoundTrip(float? value)
    {
        writer.Write(',');
        if (value is { } v && v.TryFormat(_number, out int written, "R", CultureInfo.InvariantCulture))
        {
            writer.Write(_number, 0, written);
        }
    }

    private void RoundTrip(double? value)
    {
        writer.Write(',');
        if (value is { } v && v.TryFormat(_number, out int written, "R", CultureInfo.InvariantCulture))
        {
            writer.Write(_number, 0, written);
        }
    }

    private void Rounded(double? value)
    {
        writer.Write(',');
        if (value is { } v && v.TryFormat(_number, out int written, "0.###", CultureInfo.InvariantCulture))
        {
            writer.Write(_number, 0, written);
        }
    }
}
