using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// Moves the knee and ankle points to the middle of the limb's silhouette in the landmark model's own person mask
/// (the same inference, no extra model run). Clinicians mark the knee at the middle of the knee and the ankle between
/// the malleoli — the middle of the limb seen from the front — while pose models pull a caving knee towards neutral.
/// For each joint it scans perpendicular to the limb (ankle: to the shank; knee: to the mean of thigh and shank)
/// outward both ways to the mask's sub-pixel edges, and takes the midpoint across the limb; the along-limb coordinate
/// stays the model's. Guards keep the model's point, and flag the frame, whenever the run may not be this limb alone:
/// another leg or an arm next to the scan line, no edge within a plausible width, an implausible width, the model's
/// point far off the run's middle, or no usable mask. Near each guard's threshold the point moves only part of the
/// way (<see cref="GuardBlend"/>), so a clip and its mirror image, which measure a hair apart, read alike. The hip
/// keeps the model's point: no silhouette edge shows the hip joint, and a fixed proportion of the model's hip width
/// does not generalise — measured 2026-11-26, the true hip centres sit at 0.43 of the model's hip width from the midline on our rendered figures (a 0.416 proportion cut the
/// median hip error there from 6.1 to 4.0 px) but at 0.69–0.94 on the four Human3.6M people (marker-based centres),
/// where the same proportion made every hip worse (15–23 px → 17–24 px).
/// Stateless and allocation-free; one instance may serve any number of frames on one thread.
/// </summary>
public sealed class JointCentreRefiner
{
    internal static readonly (BodyLandmark A, BodyLandmark B)[] LeftLeg =
    [
        (BodyLandmark.LeftHip, BodyLandmark.LeftKnee), (BodyLandmark.LeftKnee, BodyLandmark.LeftAnkle),
        (BodyLandmark.LeftAnkle, BodyLandmark.LeftHeel), (BodyLandmark.LeftHeel, BodyLandmark.LeftFootIndex),
        (BodyLandmark.LeftAnkle, BodyLandmark.LeftFootIndex),
    ];

    internal static readonly (BodyLandmark A, BodyLandmark B)[] RightLeg =
    [
        (BodyLandmark.RightHip, BodyLandmark.RightKnee), (BodyLandmark.RightKnee, BodyLandmark.RightAnkle),
        (BodyLandmark.RightAnkle, BodyLandmark.RightHeel), (BodyLandmark.RightHeel, BodyLandmark.RightFootIndex),
        (BodyLandmark.RightAnkle, BodyLandmark.RightFootIndex),
    ];

    private static readonly (BodyLandmark A, BodyLandmark B)[] Arms =
    [
        (BodyLandmark.LeftShoulder, BodyLandmark.LeftElbow), (BodyLandmark.LeftElbow, BodyLandmark.LeftWrist),
        (BodyLandmark.LeftWrist, BodyLandmark.LeftIndex), (BodyLandmark.RightShoulder, BodyLandmark.RightElbow),
        (BodyLandmark.RightElbow, BodyLandmark.RightWrist), (BodyLandmark.RightWrist, BodyLandmark.RightIndex),
    ];

    private readonly JointRefinementSettings _settings;
    private readonly float _gate;

    /// <param name="visibilityGate">Legs whose hip, knee or ankle is below this are left alone (their FPPA is undefined anyway).</param>
    public JointCentreRefiner(JointRefinementSettings? settings = null, double visibilityGate = 0.5)
    {
        _settings = settings ?? JointRefinementSettings.Default;
        _settings.ShankAxis.Validate();
        _gate = (float)visibilityGate;
    }

    public JointRefinementSettings Settings => _settings;

    /// <summary>
    /// Reads the shanks' silhouette axes into <see cref="PoseResult.ShankAxes"/>, then refines <paramref name="result"/>'s
    /// knees and ankles in place and records what it did in its <see cref="PoseResult.Refinement"/>, then reads the
    /// bases of the feet under the centred ankles into <see cref="PoseResult.FootBases"/>.
    /// </summary>
    public void Apply(PoseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.ShankAxes = result.HasPose && result.HasSegmentation ? ShankAxes(result.Landmarks, new MaskSampler(result.Segmentation)) : default;
        result.Refinement = result.HasPose
            ? Refine(result.Landmarks, result.HasSegmentation ? result.Segmentation : null)
            : default;
        result.FootBases = result.HasPose && result.HasSegmentation ? FootBases(result.Landmarks, new MaskSampler(result.Segmentation), result.Refinement) : default;
    }

    /// <summary>
    /// Refines the knees and ankles of <paramref name="landmarks"/> (frame pixels) in place from
    /// <paramref name="mask"/>; null = no mask on this frame (every looked-at point kept, frame flagged).
    /// </summary>
    public JointRefinement Refine(Span<Landmark> landmarks, PersonMask? mask)
    {
        if (landmarks.Length < BodyLandmarks.Count)
        {
            return default;
        }

        bool left = LegVisible(landmarks, Side.Left), right = LegVisible(landmarks, Side.Right);
        if (!left && !right)
        {
            return default;
        }

        var looked = (left ? JointRefinement.Knee(Side.Left) | JointRefinement.Ankle(Side.Left) : RefinedJoints.None)
            | (right ? JointRefinement.Knee(Side.Right) | JointRefinement.Ankle(Side.Right) : RefinedJoints.None);
        var sampler = mask is null ? default : new MaskSampler(mask);
        if (!sampler.IsUsable)
        {
            return new JointRefinement(RefinedJoints.None, looked, RefinementIssue.NoMask);
        }

        double ruler = Math.Max(left ? LegLength(landmarks, Side.Left) : 0, right ? LegLength(landmarks, Side.Right) : 0);
        if (!(ruler > 0))
        {
            return new JointRefinement(RefinedJoints.None, looked, RefinementIssue.ImplausibleWidth);
        }

        // Every scan reads the model's points; the moves are written only after all four are decided.
        Span<Scan> scans = stackalloc Scan[4];
        if (left)
        {
            ScanLeg(landmarks, sampler, Side.Left, ruler, scans);
        }

        if (right)
        {
            ScanLeg(landmarks, sampler, Side.Right, ruler, scans);
        }

        CompareWidths(scans);
        var outcome = new JointRefinement();
        Span<RefinedJoints> order = [RefinedJoints.LeftKnee, RefinedJoints.RightKnee, RefinedJoints.LeftAnkle, RefinedJoints.RightAnkle];
        foreach (var joint in order)
        {
            ref var scan = ref scans[Slot(joint)];
            if ((looked & joint) == 0)
            {
                continue;
            }

            // Moved by the guards' weight towards the middle: all the way when no guard is near its threshold.
            if (scan.Blend.Weight > 0)
            {
                ref var landmark = ref landmarks[(int)Landmark(joint)];
                double w = scan.Blend.Weight;
                landmark = landmark with
                {
                    X = (float)(landmark.X + (w * (scan.Centre.X - landmark.X))),
                    Y = (float)(landmark.Y + (w * (scan.Centre.Y - landmark.Y))),
                };
                outcome = outcome with { Refined = outcome.Refined | joint };
            }
            else
            {
                outcome = new JointRefinement(outcome.Refined, outcome.Kept | joint, outcome.Issue == RefinementIssue.None ? scan.Blend.Issue : outcome.Issue);
            }
        }

        return outcome;
    }

    /// <summary>Both shanks' silhouette axes (<see cref="ShankAxisFinder"/>) from the model's points, before any refinement moves them.</summary>
    public ShankAxes ShankAxes(ReadOnlySpan<Landmark> landmarks, in MaskSampler mask) =>
        landmarks.Length < BodyLandmarks.Count || !mask.IsUsable
            ? default
            : new ShankAxes(
                ShankAxisFinder.Find(landmarks, mask, Side.Left, _settings.ShankAxis, _gate),
                ShankAxisFinder.Find(landmarks, mask, Side.Right, _settings.ShankAxis, _gate));

    /// <summary>The feet's bases (<see cref="FootBaseFinder"/>) under the ankles this frame's refinement centred.</summary>
    public static FootBases FootBases(ReadOnlySpan<Landmark> landmarks, in MaskSampler mask, JointRefinement refinement) => new(
        refinement.IsRefined(RefinedJoints.LeftAnkle) ? FootBaseFinder.Find(landmarks, mask, Side.Left) : null,
        refinement.IsRefined(RefinedJoints.RightAnkle) ? FootBaseFinder.Find(landmarks, mask, Side.Right) : null);

    /// <summary>One joint's scan: where its middle is, how wide the limb is there (when measured) and how far its guards let it move.</summary>
    private struct Scan
    {
        public bool Looked;
        public bool HasWidth;
        public GuardBlend Blend;
        public Point2 Centre;
        public double Width;
    }

    private void ScanLeg(ReadOnlySpan<Landmark> l, in MaskSampler sampler, Side side, double ruler, Span<Scan> scans)
    {
        var hip = At(l, side.Hip());
        var knee = At(l, side.Knee());
        var ankle = At(l, side.Ankle());
        var thigh = Unit(knee - hip);
        var shank = Unit(ankle - knee);
        var kneeAxis = Unit(thigh + shank);
        var other = side == Side.Left ? RightLeg : LeftLeg;
        double h = _settings.LineSpacing;

        // The knee: lines above, at and below it. The ankle: at it and above it only (below it lies the foot).
        Span<double> kneeLines = [-h, 0, h];
        Span<double> ankleLines = [0, -h, -2 * h];
        double m = _settings.GuardMargin;
        double shankUpright = GuardBlend.AtMost(Degrees(shank.Y), _settings.MaxLimbTiltDeg, m);
        double thighUpright = GuardBlend.AtMost(Degrees(thigh.Y), _settings.MaxLimbTiltDeg, m);
        double kneeStraight = GuardBlend.AtMost(Degrees(Point2.Dot(thigh, shank)), _settings.MaxKneeBendDeg, m);

        ref var kneeScan = ref scans[Slot(JointRefinement.Knee(side))];
        kneeScan.Looked = true;
        kneeScan.Blend = GuardBlend.Full;
        kneeScan.Blend.Limit(Math.Min(shankUpright, Math.Min(thighUpright, kneeStraight)), RefinementIssue.Posture);
        if (kneeScan.Blend.Weight > 0)
        {
            kneeScan.Blend.Limit(Centre(l, sampler, knee, kneeAxis, ruler, _settings.KneeWidthMin, _settings.KneeWidthMax, other, kneeLines, out kneeScan.Centre, out kneeScan.Width));
            kneeScan.HasWidth = kneeScan.Width > 0;
        }

        ref var ankleScan = ref scans[Slot(JointRefinement.Ankle(side))];
        ankleScan.Looked = true;
        ankleScan.Blend = GuardBlend.Full;
        ankleScan.Blend.Limit(shankUpright, RefinementIssue.Posture);
        if (ankleScan.Blend.Weight > 0)
        {
            ankleScan.Blend.Limit(Centre(l, sampler, ankle, shank, ruler, _settings.AnkleWidthMin, _settings.AnkleWidthMax, other, ankleLines, out ankleScan.Centre, out ankleScan.Width));
            ankleScan.HasWidth = ankleScan.Width > 0;
        }
    }

    /// <summary>The angle in degrees whose cosine is <paramref name="cosine"/> (clamped to [−1, 1]).</summary>
    private static double Degrees(double cosine) => Math.Acos(Math.Clamp(cosine, -1, 1)) * 180 / Math.PI;

    /// <summary>
    /// Widths that disagree with the body's other widths: the two knees of one person differ by more than clothes and a
    /// slight turn explain, or a knee is not clearly wider than its own ankle. (Ankles are not compared across sides: a
    /// lifted free foot is seen end-on, its ankle is no guide to the stance ankle.) Which of the two is wrong
    /// is unknown, so both keep the model's points. A leg is refined whole or not at all: a knee whose own ankle
    /// failed a guard cannot be checked against it (and an FPPA from one refined and one raw point mixes two rulers).
    /// </summary>
    private void CompareWidths(Span<Scan> scans)
    {
        CompareSides(ref scans[Slot(RefinedJoints.LeftKnee)], ref scans[Slot(RefinedJoints.RightKnee)]);
        CompareKneeToAnkle(ref scans[Slot(RefinedJoints.LeftKnee)], ref scans[Slot(RefinedJoints.LeftAnkle)]);
        CompareKneeToAnkle(ref scans[Slot(RefinedJoints.RightKnee)], ref scans[Slot(RefinedJoints.RightAnkle)]);
    }

    /// <remarks>
    /// A knee is judged against the other knee only as far as that one is trusted itself: the comparison's weight w
    /// counts as 1 − (1 − w)·(the other knee's own weight), so a knee the other guards already dropped neither vetoes
    /// nor suddenly stops vetoing its partner.
    /// </remarks>
    private void CompareSides(ref Scan left, ref Scan right)
    {
        if (left.HasWidth && right.HasWidth)
        {
            double w = GuardBlend.AtMost(Math.Max(left.Width, right.Width) / Math.Min(left.Width, right.Width), _settings.MaxSideToSideWidthRatio, _settings.GuardMargin);
            double leftOwn = left.Blend.Weight, rightOwn = right.Blend.Weight;
            left.Blend.Limit(1 - ((1 - w) * rightOwn), RefinementIssue.ImplausibleWidth);
            right.Blend.Limit(1 - ((1 - w) * leftOwn), RefinementIssue.ImplausibleWidth);
        }
    }

    private void CompareKneeToAnkle(ref Scan knee, ref Scan ankle)
    {
        if (!knee.Looked)
        {
            return;
        }

        var kneeOwn = knee.Blend;
        knee.Blend.Limit(ankle.Blend);
        ankle.Blend.Limit(kneeOwn);
        if (knee.HasWidth && ankle.HasWidth)
        {
            double w = GuardBlend.AtLeast(knee.Width / ankle.Width, _settings.MinKneeToAnkleWidthRatio, _settings.GuardMargin);
            knee.Blend.Limit(w, RefinementIssue.ImplausibleWidth);
            ankle.Blend.Limit(w, RefinementIssue.ImplausibleWidth);
        }
    }

    /// <summary>
    /// The middle of the limb across <paramref name="axis"/> at <paramref name="point"/>, or why not: scans the line
    /// through the point and its neighbours at <paramref name="lines"/> (fractions of the ruler along the axis), each
    /// guarded on its own; their widths must agree (a trouser hem, a shoe's collar or a hand makes them jump) and the
    /// point moves across the limb by their mean offset.
    /// </summary>
    private GuardBlend Centre(
        ReadOnlySpan<Landmark> l, in MaskSampler sampler, Point2 point, Point2 axis, double ruler, double minWidth, double maxWidth,
        (BodyLandmark A, BodyLandmark B)[] otherLeg, ReadOnlySpan<double> lines, out Point2 centre, out double centreWidth)
    {
        centre = point;
        centreWidth = 0;
        var across = new Point2(-axis.Y, axis.X);
        var blend = GuardBlend.Full;
        double shift = 0, width = 0, narrowest = double.MaxValue, widest = 0;
        foreach (double along in lines)
        {
            blend.Limit(Line(l, sampler, point + (axis * (along * ruler)), across, ruler, minWidth, maxWidth, otherLeg, out double offCentre, out double lineWidth));
            if (blend.Weight <= 0)
            {
                return blend;
            }

            shift += offCentre;
            width += lineWidth / lines.Length;
            narrowest = Math.Min(narrowest, lineWidth);
            widest = Math.Max(widest, lineWidth);
        }

        blend.Limit(GuardBlend.AtMost(widest / narrowest, _settings.MaxWidthChange, _settings.GuardMargin), RefinementIssue.UnevenEdges);
        centreWidth = width;
        centre = point + (across * (shift / lines.Length));
        return blend;
    }

    /// <summary>One scan line through <paramref name="point"/> along <paramref name="across"/>: the run's offset from the point and its width.</summary>
    private GuardBlend Line(
        ReadOnlySpan<Landmark> l, in MaskSampler sampler, Point2 point, Point2 across, double ruler, double minWidth, double maxWidth,
        (BodyLandmark A, BodyLandmark B)[] otherLeg, out double offCentre, out double width)
    {
        offCentre = 0;
        width = 0;
        if (!sampler.TrySample((float)point.X, (float)point.Y, out float inside) || !(inside > 0))
        {
            return GuardBlend.Fail(RefinementIssue.OutsideMask);
        }

        // Far enough to see an edge anywhere in the widest width's blend band.
        double m = _settings.GuardMargin;
        float reach = (float)(maxWidth * (1 + m) * ruler);
        float step = (float)(_settings.StepCells * sampler.PixelsPerCell);
        float x = (float)point.X, y = (float)point.Y, nx = (float)across.X, ny = (float)across.Y;
        float plus = LimbEdge.Distance(sampler, x, y, nx, ny, step, reach);
        float minus = LimbEdge.Distance(sampler, x, y, -nx, -ny, step, reach);

        // Another limb beside the scan line (as far as the run reaches) may have merged into it: keep the model's point.
        var a = point - (across * (float.IsNaN(minus) ? reach : minus));
        var b = point + (across * (float.IsNaN(plus) ? reach : plus));
        double gap = _settings.ContactGap * ruler;
        var blend = GuardBlend.Full;
        blend.Limit(
            Math.Min(
                GuardBlend.AtLeast(Nearest(l, a, b, otherLeg), (_settings.OtherLegHalfWidth * ruler) + gap, m),
                GuardBlend.AtLeast(Nearest(l, a, b, Arms), (_settings.ArmHalfWidth * ruler) + gap, m)),
            RefinementIssue.LimbTouching);
        if (blend.Weight <= 0)
        {
            return blend;
        }

        if (float.IsNaN(plus) || float.IsNaN(minus))
        {
            return GuardBlend.Fail(RefinementIssue.NoEdge);
        }

        width = plus + minus;
        blend.Limit(Math.Min(GuardBlend.AtLeast(width, minWidth * ruler, m), GuardBlend.AtMost(width, maxWidth * ruler, m)), RefinementIssue.ImplausibleWidth);
        offCentre = (plus - minus) * 0.5;
        blend.Limit(GuardBlend.AtMost(Math.Abs(offCentre), _settings.MaxOffCentreFraction * width, m), RefinementIssue.Asymmetric);
        return blend;
    }

    /// <summary>Some bone line of <paramref name="limbs"/> passes within <paramref name="within"/> px of the segment a–b.</summary>
    internal static bool Touches(ReadOnlySpan<Landmark> l, Point2 a, Point2 b, (BodyLandmark A, BodyLandmark B)[] limbs, double within) =>
        Nearest(l, a, b, limbs) < within;

    /// <summary>How close the nearest bone line of <paramref name="limbs"/> comes to the segment a–b, px.</summary>
    private static double Nearest(ReadOnlySpan<Landmark> l, Point2 a, Point2 b, (BodyLandmark A, BodyLandmark B)[] limbs)
    {
        double nearest = double.MaxValue;
        foreach (var (p, q) in limbs)
        {
            nearest = Math.Min(nearest, SegmentDistance(a, b, At(l, p), At(l, q)));
        }

        return nearest;
    }

    /// <summary>Shortest distance between segments ab and cd (0 when they cross).</summary>
    public static double SegmentDistance(Point2 a, Point2 b, Point2 c, Point2 d)
    {
        if (Point2.Cross(b - a, c - a) * Point2.Cross(b - a, d - a) < 0 && Point2.Cross(d - c, a - c) * Point2.Cross(d - c, b - c) < 0)
        {
            return 0;
        }

        return Math.Min(
            Math.Min(PointToSegment(a, c, d), PointToSegment(b, c, d)),
            Math.Min(PointToSegment(c, a, b), PointToSegment(d, a, b)));
    }

    private static double PointToSegment(Point2 p, Point2 a, Point2 b)
    {
        var ab = b - a;
        double length2 = Point2.Dot(ab, ab);
        double t = length2 > 0 ? Math.Clamp(Point2.Dot(p - a, ab) / length2, 0, 1) : 0;
        return Point2.Distance(p, a + (ab * t));
    }


    private static int Slot(RefinedJoints joint) => joint switch
    {
        RefinedJoints.LeftKnee => 0,
        RefinedJoints.RightKnee => 1,
        RefinedJoints.LeftAnkle => 2,
        _ => 3,
    };

    private static BodyLandmark Landmark(RefinedJoints joint) => joint switch
    {
        RefinedJoints.LeftKnee => BodyLandmark.LeftKnee,
        RefinedJoints.RightKnee => BodyLandmark.RightKnee,
        RefinedJoints.LeftAnkle => BodyLandmark.LeftAnkle,
        _ => BodyLandmark.RightAnkle,
    };

    private bool LegVisible(ReadOnlySpan<Landmark> l, Side side) =>
        l[(int)side.Hip()].Visibility >= _gate && l[(int)side.Knee()].Visibility >= _gate && l[(int)side.Ankle()].Visibility >= _gate;

    private static double LegLength(ReadOnlySpan<Landmark> l, Side side) =>
        (At(l, side.Knee()) - At(l, side.Hip())).Length + (At(l, side.Ankle()) - At(l, side.Knee())).Length;

    private static Point2 At(ReadOnlySpan<Landmark> l, BodyLandmark landmark) => new(l[(int)landmark].X, l[(int)landmark].Y);

    private static Point2 Unit(Point2 v)
    {
        double length = v.Length;
        return length > 1e-9 ? v * (1 / length) : default;
    }
}
