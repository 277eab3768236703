using System.Globalization;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// What the console and the reports say about other people in view (issue 19 item 4): how many the detector saw,
/// which one is measured (where the lock first found it), and how many frames the lock refused someone else.
/// </summary>
public static class SubjectLockWarning
{
    /// <summary>The warning, or null when one person at most was seen and the lock refused no one.</summary>
    public static string? Describe(IReadOnlyList<PoseFrame> frames, int? peopleSeen)
    {
        ArgumentNullException.ThrowIfNull(frames);
        int lost = frames.Count(f => f.SubjectLost);
        string refused = lost == 0 ? string.Empty : (lost == 1 ? "1 frame where only someone else was in view was" : F($"{lost} frames where only someone else was in view were")) + " not measured (subject lost) rather than switch to them; ";
        if (peopleSeen > 1)
        {
            var first = frames.FirstOrDefault(f => f.HasPose && f.Landmarks.Length >= BodyLandmarks.Count);
            string where = first is null ? string.Empty : F($": hips at x {Hip(first).X:0}, y {Hip(first).Y:0} px at {first.TimeSeconds:0.0} s");
            return F($"The pose detector saw {peopleSeen} people. The one measured is the person it locked on to (the largest, most central when first found{where}) and followed; ") + refused + "keep others out of view.";
        }

        return lost == 0 ? null : "Someone other than the measured person was in view: " + refused + "keep others out of view.";
    }

    private static (float X, float Y) Hip(PoseFrame f) =>
        ((f[BodyLandmark.LeftHip].X + f[BodyLandmark.RightHip].X) / 2, (f[BodyLandmark.LeftHip].Y + f[BodyLandmark.RightHip].Y) / 2);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
