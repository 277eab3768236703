using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Analysis;

/// <summary>
/// Computes one frame's <see cref="FrameMetrics"/> from its pose, a standing reference and the stance leg. Stateless
/// apart from its inputs, so live use (reference from the first standing seconds) and offline use (reference from
/// the whole recording) share every formula. No LINQ and no allocation besides the returned record.
/// </summary>
public sealed class FrameMetricsCalculator
{
    private readonly AnalysisSettings _settings;
    private readonly StandingReference _reference;
    private readonly float _gate;

    public FrameMetricsCalculator(AnalysisSettings settings, StandingReference reference)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reference);
        settings.Validate();
        _settings = settings;
        _reference = reference;
        _gate = (float)settings.VisibilityGate;
    }

    public StandingReference Reference => _reference;

    /// <summary>
    /// The stance leg from the ankles alone: the leg whose ankle is lower in the image by more than the stance
    /// margin (docs/metrics.md: the other foot is off the floor); null when neither is clearly lower or unseen.
    /// </summary>
    public Side? StanceFromAnkles(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!frame.HasPose || _reference.LegScalePx is not { } leg)
        {
            return null;
        }

        var la = frame[BodyLandmark.LeftAnkle];
        var ra = frame[BodyLandmark.RightAnkle];

        // An ankle outside the picture is the model's guess: which foot is lower cannot be told from it.
        if (la.Visibility < _gate || ra.Visibility < _gate
            || OutsideFrame(frame, BodyLandmark.LeftAnkle) || OutsideFrame(frame, BodyLandmark.RightAnkle))
        {
            return null;
        }

        double lowerRightPct = (ra.Y - (double)la.Y) / leg * 100.0;
        if (lowerRightPct > _settings.StanceMarginPct)
        {
            return Side.Right;
        }

        return lowerRightPct < -_settings.StanceMarginPct ? Side.Left : null;
    }

    /// <summary>
    /// The frame's metrics. <paramref name="repStartHipShiftPct"/> is the hip shift at the start of the rep the frame
    /// belongs to (for the change column); rep index and event flag are set by the session analysis.
    /// </summary>
    /// <param name="previous">The frame before (for the joint-speed plausibility rule); null for the first one.</param>
    public FrameMetrics Compute(PoseFrame frame, Side? stance, double? frameRateHz, double? repStartHipShiftPct = null, int? repIndex = null, bool inEvent = false, PoseFrame? previous = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!frame.HasPose || frame.Landmarks.Length < BodyLandmarks.Count)
        {
            MeasureStatus none = frame.SubjectLost ? MeasureStatus.SubjectLost : MeasureStatus.NoPose;
            var empty = new FrameQuality(0, 0, null, false, frameRateHz, frame.LegSwapSuspected, default, none, none, frame.Refinement);
            return new FrameMetrics(frame.FrameIndex, frame.TimeSeconds, false, null, null, null, null, stance,
                null, null, null, null, null, null, null, null, null, null, repIndex, inEvent, empty);
        }

        var (leftFppa, leftStatus, leftImplausible) = Fppa(frame, Side.Left, previous);
        var (rightFppa, rightStatus, rightImplausible) = Fppa(frame, Side.Right, previous);
        bool hasWorld = frame.WorldLandmarks.Length >= BodyLandmarks.Count;
        double? yaw = hasWorld ? Finite(Yaw(frame)) : null;
        bool viewWarning = yaw is { } y && BodyYaw.OffAxisDegrees(y) > _settings.ViewWarningYawDeg;
        var foreshortening = new LimbForeshortening(
            Ratio(frame, Side.Left.Hip(), Side.Left.Knee(), _reference.LeftThighPx),
            Ratio(frame, Side.Left.Knee(), Side.Left.Ankle(), _reference.LeftShankPx),
            Ratio(frame, Side.Right.Hip(), Side.Right.Knee(), _reference.RightThighPx),
            Ratio(frame, Side.Right.Knee(), Side.Right.Ankle(), _reference.RightShankPx));
        var quality = new FrameQuality(
            LegVisibility(frame, Side.Left),
            LegVisibility(frame, Side.Right),
            yaw,
            viewWarning,
            frameRateHz,
            frame.LegSwapSuspected,
            foreshortening,
            leftStatus,
            rightStatus,
            frame.Refinement)
        {
            LeftImplausible = leftImplausible,
            RightImplausible = rightImplausible,
            Hips = frame.Hips,
        };

        double? hipShift = null, hipShiftCm = null, valgusShift = null, pelvicDrop = null, kneeOverFoot = null, ankleOverBase = null, trunkLean = null;
        if (stance is { } s)
        {
            hipShift = HipShiftPx(frame, s) is { } px && _reference.LegPx(s) is { } leg ? px / leg * 100.0 : null;
            hipShiftCm = _settings.HeightCm is { } height && HipShiftPx(frame, s) is { } px2 && _reference.LegPx(s) is { } leg2
                ? px2 * (_settings.LegLengthFractionOfHeight * height / leg2)
                : null;
            valgusShift = ValgusShiftPct(frame, s);
            pelvicDrop = PelvicDrop(frame, s);
            kneeOverFoot = KneeOverFoot(frame, s);
            ankleOverBase = AnkleOverFootBase(frame, s);
            trunkLean = TrunkLean(frame, s);
        }

        double? hipShiftChange = hipShift is { } h && repStartHipShiftPct is { } h0 ? h - h0 : null;
        // World landmarks are not checked coordinate by coordinate, so every output passes through Finite().
        return new FrameMetrics(
            frame.FrameIndex,
            frame.TimeSeconds,
            true,
            Finite(leftFppa),
            Finite(rightFppa),
            hasWorld ? Finite(Frontal3d(frame, Side.Left)) : null,
            hasWorld ? Finite(Frontal3d(frame, Side.Right)) : null,
            stance,
            Finite(hipShift),
            Finite(hipShiftChange),
            Finite(hipShiftCm),
            Finite(valgusShift),
            Finite(pelvicDrop),
            Finite(kneeOverFoot),
            Finite(trunkLean),
            Finite(hasWorld ? Flexion(frame) : FlexionFromImage(frame)),
            Finite(Depth(frame)),
            Finite(SeparationRatio(frame)),
            repIndex,
            inEvent,
            quality)
        {
            AnkleOverFootBasePct = Finite(ankleOverBase),
        };
    }

    /// <summary>Above the gate and finite: a NaN coordinate from upstream must make a metric undefined, not NaN.</summary>
    private bool Visible(PoseFrame frame, BodyLandmark landmark)
    {
        var l = frame[landmark];
        return l.Visibility >= _gate && float.IsFinite(l.X) && float.IsFinite(l.Y);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static Point2 P(PoseFrame frame, BodyLandmark landmark) => frame.ImagePoint(landmark);

    private static Point3 W(PoseFrame frame, BodyLandmark landmark) => frame.WorldPoint(landmark);

    private static float LegVisibility(PoseFrame frame, Side side) =>
        Math.Min(frame[side.Hip()].Visibility, Math.Min(frame[side.Knee()].Visibility, frame[side.Ankle()].Visibility));

    /// <summary>
    /// The knee's FPPA and why it is (not) reported, rules in this order: a leg joint outside the picture or on its edge,
    /// a landmark below the gate, a shank pointing up, a limb longer than standing, a joint jumping between frames, a
    /// foreshortened limb, a degenerate triangle, an angle beyond the plausible bound (docs/metrics.md, "Why an FPPA is missing").
    /// </summary>
    private (double? Degrees, MeasureStatus Status, ImplausibleReason Reason) Fppa(PoseFrame frame, Side side, PoseFrame? previous)
    {
        if (OutsideFrame(frame, side.Hip()) || OutsideFrame(frame, side.Knee()) || OutsideFrame(frame, side.Ankle()))
        {
            return (null, MeasureStatus.OutOfFrame, ImplausibleReason.None);
        }

        if (!Visible(frame, side.Hip()) || !Visible(frame, side.Knee()) || !Visible(frame, side.Ankle()) || !Visible(frame, side.Opposite().Hip()))
        {
            return (null, MeasureStatus.LowVisibility, ImplausibleReason.None);
        }

        var hip = P(frame, side.Hip());
        var knee = P(frame, side.Knee());
        var ankle = P(frame, side.Ankle());
        if (ankle.Y < knee.Y)
        {
            return (null, MeasureStatus.Implausible, ImplausibleReason.ShankPointsUp);
        }

        double thighLength = Point2.Distance(hip, knee), shankLength = Point2.Distance(knee, ankle);
        if ((_reference.ThighPx(side) is { } t && thighLength > _settings.MaxLimbStretch * t)
            || (_reference.ShankPx(side) is { } sh && shankLength > _settings.MaxLimbStretch * sh))
        {
            return (null, MeasureStatus.Implausible, ImplausibleReason.LimbTooLong);
        }

        if (previous is not null && TooFast(frame, previous, side))
        {
            return (null, MeasureStatus.Implausible, ImplausibleReason.JointTooFast);
        }

        if ((_reference.ThighPx(side) is { } thigh && thighLength < _settings.ForeshorteningLimit * thigh)
            || (_reference.ShankPx(side) is { } shank && shankLength < _settings.ForeshorteningLimit * shank))
        {
            return (null, MeasureStatus.Foreshortened, ImplausibleReason.None);
        }

        var degrees = KneeFrontalPlaneAngle.Degrees(hip, knee, ankle, P(frame, side.Opposite().Hip()));
        if (degrees is not { } d)
        {
            return (null, MeasureStatus.Degenerate, ImplausibleReason.None);
        }

        return Math.Abs(d) > _settings.MaxPlausibleFppaDeg
            ? (null, MeasureStatus.Implausible, ImplausibleReason.AngleBeyondBound)
            : (d, MeasureStatus.Measured, ImplausibleReason.None);
    }

    private bool OutsideFrame(PoseFrame frame, BodyLandmark landmark) => FrameEdges.Outside(frame, landmark, _settings.FrameEdgeMargin);

    /// <summary>The leg's hip, knee or ankle moved faster than the speed bound (in standing leg lengths per second).</summary>
    private bool TooFast(PoseFrame frame, PoseFrame previous, Side side)
    {
        double dt = frame.TimeSeconds - previous.TimeSeconds;
        if (!previous.HasPose || previous.Landmarks.Length < BodyLandmarks.Count || !(dt > 0)
            || (_reference.LegPx(side) ?? _reference.LegScalePx) is not { } leg || leg <= 0)
        {
            return false;
        }

        double limit = _settings.MaxJointSpeedLegsPerSecond * leg * dt;
        return Moved(frame, previous, side.Hip()) > limit || Moved(frame, previous, side.Knee()) > limit || Moved(frame, previous, side.Ankle()) > limit;
    }

    private double Moved(PoseFrame frame, PoseFrame previous, BodyLandmark landmark) =>
        Visible(previous, landmark) ? Point2.Distance(P(frame, landmark), P(previous, landmark)) : 0;

    private double? Ratio(PoseFrame frame, BodyLandmark from, BodyLandmark to, double? standing)
    {
        if (standing is not { } length || length <= 0 || !Visible(frame, from) || !Visible(frame, to))
        {
            return null;
        }

        return Point2.Distance(P(frame, from), P(frame, to)) / length;
    }

    private double? Yaw(PoseFrame frame)
    {
        bool hips = Visible(frame, BodyLandmark.LeftHip) && Visible(frame, BodyLandmark.RightHip);
        bool shoulders = Visible(frame, BodyLandmark.LeftShoulder) && Visible(frame, BodyLandmark.RightShoulder);
        return BodyYaw.Degrees(
            hips ? W(frame, BodyLandmark.LeftHip) : null,
            hips ? W(frame, BodyLandmark.RightHip) : null,
            shoulders ? W(frame, BodyLandmark.LeftShoulder) : null,
            shoulders ? W(frame, BodyLandmark.RightShoulder) : null);
    }

    private double? Frontal3d(PoseFrame frame, Side side)
    {
        if (!Visible(frame, BodyLandmark.LeftHip) || !Visible(frame, BodyLandmark.RightHip) || !Visible(frame, side.Knee()) || !Visible(frame, side.Ankle()))
        {
            return null;
        }

        return KneeFrontalAngle3d.Degrees(
            W(frame, side.Hip()),
            W(frame, side.Knee()),
            W(frame, side.Ankle()),
            W(frame, side.Opposite().Hip()),
            W(frame, BodyLandmark.LeftHip),
            W(frame, BodyLandmark.RightHip));
    }

    private double? Flexion(PoseFrame frame)
    {
        if (!Visible(frame, BodyLandmark.LeftHip) || !Visible(frame, BodyLandmark.RightHip)
            || !Visible(frame, BodyLandmark.LeftShoulder) || !Visible(frame, BodyLandmark.RightShoulder))
        {
            return null;
        }

        return TrunkFlexion.Degrees(
            W(frame, BodyLandmark.LeftHip),
            W(frame, BodyLandmark.RightHip),
            W(frame, BodyLandmark.LeftShoulder),
            W(frame, BodyLandmark.RightShoulder));
    }

    /// <summary>
    /// Without world landmarks (a CSV that lacks them): a frontal camera sees a trunk bending forward shorten, so the
    /// bend is acos(apparent / upright length). Unsigned and cruder than the 3D value; used only as a fallback.
    /// </summary>
    private double? FlexionFromImage(PoseFrame frame)
    {
        if (_reference.TrunkPx is not { } upright || upright <= 0
            || !Visible(frame, BodyLandmark.LeftHip) || !Visible(frame, BodyLandmark.RightHip)
            || !Visible(frame, BodyLandmark.LeftShoulder) || !Visible(frame, BodyLandmark.RightShoulder))
        {
            return null;
        }

        double length = Point2.Distance(
            Point2.Midpoint(P(frame, BodyLandmark.LeftHip), P(frame, BodyLandmark.RightHip)),
            Point2.Midpoint(P(frame, BodyLandmark.LeftShoulder), P(frame, BodyLandmark.RightShoulder)));
        return Math.Acos(Math.Min(1.0, length / upright)) * 180.0 / Math.PI;
    }

    /// <summary>Direction (+1/−1 in image x) from the other hip towards this side's hip: "lateral" for this side.</summary>
    private double? LateralDirection(PoseFrame frame, Side side)
    {
        if (!Visible(frame, side.Hip()) || !Visible(frame, side.Opposite().Hip()))
        {
            return null;
        }

        double dx = frame[side.Hip()].X - (double)frame[side.Opposite().Hip()].X;
        return dx == 0 ? null : Math.Sign(dx);
    }

    private double? HipShiftPx(PoseFrame frame, Side stance)
    {
        if (LateralDirection(frame, stance) is not { } lateral || !Visible(frame, stance.Ankle()))
        {
            return null;
        }

        return (frame[stance.Hip()].X - (double)frame[stance.Ankle()].X) * lateral;
    }

    private double? ValgusShiftPct(PoseFrame frame, Side stance)
    {
        if (_reference.LegPx(stance) is not { } leg || !Visible(frame, stance.Hip()) || !Visible(frame, stance.Knee())
            || !Visible(frame, stance.Ankle()) || !Visible(frame, stance.Opposite().Hip()))
        {
            return null;
        }

        var offset = KneeFrontalPlaneAngle.MedialOffset(P(frame, stance.Hip()), P(frame, stance.Knee()), P(frame, stance.Ankle()), P(frame, stance.Opposite().Hip()));
        return offset is { } o ? o / leg * 100.0 : null;
    }

    private double? PelvicDrop(PoseFrame frame, Side stance)
    {
        if (!Visible(frame, stance.Hip()) || !Visible(frame, stance.Opposite().Hip()))
        {
            return null;
        }

        var standing = P(frame, stance.Hip());
        var free = P(frame, stance.Opposite().Hip());

        // Absolute dx: the sign must not depend on whether the person faces the camera or turns their back to it.
        double dx = Math.Abs(free.X - standing.X);
        double dy = free.Y - standing.Y;
        return dx == 0 && dy == 0 ? null : Math.Atan2(dy, dx) * 180.0 / Math.PI;
    }

    private double? KneeOverFoot(PoseFrame frame, Side stance)
    {
        if (LateralDirection(frame, stance) is not { } lateral || _reference.ShankPx(stance) is not { } shank
            || !Visible(frame, stance.Knee()) || !Visible(frame, stance.Ankle()) || !Visible(frame, stance.Heel()) || !Visible(frame, stance.FootIndex()))
        {
            return null;
        }

        double footCentreX = (frame[stance.Ankle()].X + (double)frame[stance.Heel()].X + frame[stance.FootIndex()].X) / 3.0;
        return (frame[stance.Knee()].X - footCentreX) * -lateral / shank * 100.0;
    }

    private double? AnkleOverFootBase(PoseFrame frame, Side stance)
    {
        if (!frame.Refinement.IsRefined(JointRefinement.Ankle(stance)) || frame.FootBases.Of(stance) is not { } foot
            || !(foot.WidthPx > 0) || LateralDirection(frame, stance) is not { } lateral)
        {
            return null;
        }

        return (frame[stance.Ankle()].X - foot.MiddleX) * -lateral / foot.WidthPx * 100.0;
    }

    private double? TrunkLean(PoseFrame frame, Side stance)
    {
        if (LateralDirection(frame, stance) is not { } towardsStance
            || !Visible(frame, BodyLandmark.LeftShoulder) || !Visible(frame, BodyLandmark.RightShoulder))
        {
            return null;
        }

        var trunk = Point2.Midpoint(P(frame, BodyLandmark.LeftShoulder), P(frame, BodyLandmark.RightShoulder))
            - Point2.Midpoint(P(frame, BodyLandmark.LeftHip), P(frame, BodyLandmark.RightHip));
        if (trunk.Length == 0)
        {
            return null;
        }

        // Image y points down, so "up" is −y; x is taken towards the stance side.
        return Math.Atan2(trunk.X * towardsStance, -trunk.Y) * 180.0 / Math.PI;
    }

    private double? Depth(PoseFrame frame)
    {
        if (_reference.StandingMidHipYPx is not { } standingY || _reference.LegScalePx is not { } leg
            || !Visible(frame, BodyLandmark.LeftHip) || !Visible(frame, BodyLandmark.RightHip))
        {
            return null;
        }

        double midHipY = (frame[BodyLandmark.LeftHip].Y + (double)frame[BodyLandmark.RightHip].Y) / 2.0;
        return (midHipY - standingY) / leg * 100.0;
    }

    private double? SeparationRatio(PoseFrame frame)
    {
        if (!Visible(frame, BodyLandmark.LeftKnee) || !Visible(frame, BodyLandmark.RightKnee)
            || !Visible(frame, BodyLandmark.LeftAnkle) || !Visible(frame, BodyLandmark.RightAnkle))
        {
            return null;
        }

        double knees = Math.Abs(frame[BodyLandmark.LeftKnee].X - (double)frame[BodyLandmark.RightKnee].X);
        double ankles = Math.Abs(frame[BodyLandmark.LeftAnkle].X - (double)frame[BodyLandmark.RightAnkle].X);

        // Ankles closer than 1 % of leg length make the ratio explode: report nothing rather than a wild number.
        double minAnkles = _reference.LegScalePx is { } leg ? leg * 0.01 : 1e-6;
        return ankles < minAnkles ? null : knees / ankles;
    }
}
