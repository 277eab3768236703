using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Compare;

/// <summary>
/// The left leg from one recording against the right leg from another (one recording per leg): the right-minus-left
/// differences of the means, as a single recording's <see cref="Asymmetry"/> has them, and the worse side. A leg
/// whose knee angle cannot be trusted is never compared: the differences are then null and
/// <see cref="NotComparedReason"/> says why.
/// </summary>
/// <param name="Left">The left leg, from the recording in which it stood.</param>
/// <param name="Right">The right leg, from the other recording.</param>
/// <param name="FppaDiffDeg">Mean FPPA at the bottom, right minus left; null unless both legs are trusted.</param>
/// <param name="HipShiftDiffPct">Mean peak hip shift, right minus left; null unless both legs are trusted and measured.</param>
/// <param name="WorseSide">The leg with the larger mean FPPA at the bottom when the difference is at least 1°.</param>
/// <param name="NotComparedReason">Why the legs were not compared ("left leg: not a frontal view …"); null when they were.</param>
/// <param name="Notes">What a reader should know about the pairing (different limits, dates far apart, a leg taken by elimination).</param>
public sealed record LeftRightComparison(
    LegReading Left,
    LegReading Right,
    double? FppaDiffDeg,
    double? HipShiftDiffPct,
    Side? WorseSide,
    string? NotComparedReason,
    IReadOnlyList<string> Notes)
{
    /// <summary>Recordings further apart than this are still compared, with a note: the knee may have changed between them.</summary>
    public const int FarApartDays = 14;

    public string? Client { get; init; }

    public string Exercise => Left.Session.Exercise;

    /// <summary>Pairs two recordings by the leg each shows, in either order.</summary>
    /// <exception cref="ArgumentException">The pair cannot be compared (the same leg twice, other exercises, other people, no leg).</exception>
    public static LeftRightComparison Of(SessionRecord first, SessionRecord second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var notes = new List<string>();
        if (first.Exercise == "ankle-lunge" || second.Exercise == "ankle-lunge")
        {
            throw new ArgumentException($"{(first.Exercise == "ankle-lunge" ? first.Source : second.Source)} is a lunge test: its report already compares the legs' ankle angles; compare is for knee angles");
        }

        if (first.Exercise != second.Exercise)
        {
            throw new ArgumentException($"{first.Source} is a {first.Exercise} but {second.Source} a {second.Exercise}: only the same exercise is compared");
        }

        string? client = SameClient.Of([first, second]);
        var (left, right) = Assign(first, second, notes);
        if (left.Leg(Side.Right).Tested)
        {
            notes.Add(F($"{left.FileName} also has {left.Right.RepCount} reps on the right leg; only its left leg is compared."));
        }

        if (right.Leg(Side.Left).Tested)
        {
            notes.Add(F($"{right.FileName} also has {right.Left.RepCount} reps on the left leg; only its right leg is compared."));
        }

        if (left.ThresholdDeg != right.ThresholdDeg)
        {
            notes.Add(F($"The recordings were analysed with different limits ({left.ThresholdDeg:0.#}° left, {right.ThresholdDeg:0.#}° right); each leg is judged against its own."));
        }

        int days = Math.Abs(left.Date.UtcDateTime.Date.Subtract(right.Date.UtcDateTime.Date).Days);
        if (days > FarApartDays)
        {
            notes.Add(F($"The recordings are {days} days apart; the knee may have changed in between."));
        }

        if (!left.DateIsRecording || !right.DateIsRecording)
        {
            notes.Add("A report does not say when it was recorded; its date is when it was analysed.");
        }

        var l = LegReading.Of(left, Side.Left);
        var r = LegReading.Of(right, Side.Right);
        return Compare(l, r, notes) with { Client = client };
    }

    /// <summary>The differences of two legs' readings; untrusted legs are not compared.</summary>
    public static LeftRightComparison Compare(LegReading left, LegReading right, IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var untrusted = new List<string>();
        foreach (var leg in new[] { left, right })
        {
            if (!leg.Trust.IsTrusted)
            {
                untrusted.Add($"{leg.Side.ToName()} leg: {leg.Trust.Reason}");
            }
        }

        if (untrusted.Count > 0)
        {
            return new LeftRightComparison(left, right, null, null, null, string.Join("; ", untrusted), notes ?? []);
        }

        double diff = right.Measures.FppaAtBottom.Mean!.Value - left.Measures.FppaAtBottom.Mean!.Value;
        double? hip = right.Measures.PeakHipShift.Mean - left.Measures.PeakHipShift.Mean;
        Side? worse = Math.Abs(diff) >= SessionSummarizer.WorseSideMinDiffDeg ? (diff > 0 ? Side.Right : Side.Left) : null;
        return new LeftRightComparison(left, right, diff, hip, worse, null, notes ?? []);
    }

    private static (SessionRecord Left, SessionRecord Right) Assign(SessionRecord first, SessionRecord second, List<string> notes)
    {
        Side? a = StandingLeg(first), b = StandingLeg(second);
        switch (a, b)
        {
            case (null, null):
                throw new ArgumentException($"{first.Source} and {second.Source}: neither recording shows which leg stood (no rep with a known stance leg)");
            case (null, { } known):
                notes.Add($"{first.FileName} does not show which leg stood; it is taken as the {Other(known).ToName()} leg because {second.FileName} is of the {known.ToName()} leg.");
                a = Other(known);
                break;
            case ({ } known, null):
                notes.Add($"{second.FileName} does not show which leg stood; it is taken as the {Other(known).ToName()} leg because {first.FileName} is of the {known.ToName()} leg.");
                b = Other(known);
                break;
        }

        if (a == b)
        {
            throw new ArgumentException($"{first.Source} and {second.Source} are both of the {a!.Value.ToName()} leg: compare needs one recording of each leg");
        }

        return a == Side.Left ? (first, second) : (second, first);
    }

    /// <summary>The leg a single-leg recording tested: the one with reps, or the one with more when both have some; null when that cannot be told.</summary>
    public static Side? StandingLeg(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        int left = session.Left.RepCount, right = session.Right.RepCount;
        return left > right ? Side.Left : right > left ? Side.Right : null;
    }

    private static Side Other(Side side) => side == Side.Left ? Side.Right : Side.Left;

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
