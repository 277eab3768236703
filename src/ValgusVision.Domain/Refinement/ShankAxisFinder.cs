using ValgusVision.Domain.Geometry;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Refinement;

/// <summary>
/// The shank's long axis from the person mask, as an inclinometer strapped along the shin reads it, instead of the
/// line through the model's knee and ankle points. BlazePose places those points with errors of 10–15 px that do not
/// cancel in a side view (on the lunge samples the ankle sits in front of and above the true centre, the knee behind:
/// a 30° shank read 24–25°), while the silhouette's edges are found to a fraction of a pixel. Across the shank at
/// evenly spaced stations between the model's knee and ankle it finds both edges, takes the middle, and fits a line
/// through the middles; the fitted direction is the axis. Stations cover the lower part of the shank only
/// (<see cref="ShankAxisSettings"/>): the calf bulges behind the upper shank, which would tilt a centreline fitted
/// there, and the foot lies below the ankle. Guards leave the axis unknown when too few stations are clean or the
/// middles do not lie on a line (another limb, a hand, a hem). Stateless and allocation-free.
/// </summary>
public static class ShankAxisFinder
{
    private const int MaxStations = 32;

    private static readonly (BodyLandmark A, BodyLandmark B)[] Hands =
    [
        (BodyLandmark.LeftElbow, BodyLandmark.LeftWrist), (BodyLandmark.LeftWrist, BodyLandmark.LeftIndex),
        (BodyLandmark.RightElbow, BodyLandmark.RightWrist), (BodyLandmark.RightWrist, BodyLandmark.RightIndex),
    ];

    /// <summary>
    /// The centreline and shin lines of <paramref name="side"/>'s shank (<see cref="ShankAxis"/>). The knee and ankle
    /// must pass <paramref name="visibilityGate"/>, and the heel and toe too for the shin.
    /// </summary>
    public static ShankAxis Find(ReadOnlySpan<Landmark> landmarks, in MaskSampler mask, Side side, ShankAxisSettings settings, double visibilityGate)
    {
        var kneeMark = landmarks[(int)side.Knee()];
        var ankleMark = landmarks[(int)side.Ankle()];
        if (kneeMark.Visibility < visibilityGate || ankleMark.Visibility < visibilityGate || !mask.IsUsable)
        {
            return default;
        }

        var knee = new Point2(kneeMark.X, kneeMark.Y);
        var down = new Point2(ankleMark.X, ankleMark.Y) - knee;
        double length = down.Length;
        if (!(length > 4 * mask.PixelsPerCell))
        {
            return default;
        }

        down *= 1 / length;
        var across = new Point2(-down.Y, down.X);
        int front = FrontSign(landmarks, side, across, visibilityGate);
        int stations = Math.Clamp(settings.Stations, 3, MaxStations);
        Span<double> centreAlong = stackalloc double[MaxStations];
        Span<double> centreOffset = stackalloc double[MaxStations];
        Span<double> shinAlong = stackalloc double[MaxStations];
        Span<double> shinOffset = stackalloc double[MaxStations];
        int centres = 0, shins = 0;
        float step = (float)(settings.StepCells * mask.PixelsPerCell);
        float reach = (float)(settings.MaxWidth * length);
        double gap = settings.ContactGap * length;
        var other = side == Side.Left ? JointCentreRefiner.RightLeg : JointCentreRefiner.LeftLeg;
        for (int k = 0; k < stations; k++)
        {
            double t = settings.From + ((settings.To - settings.From) * k / (stations - 1));
            var p = knee + (down * (t * length));
            float x = (float)p.X, y = (float)p.Y;
            float plus = LimbEdge.Distance(mask, x, y, (float)across.X, (float)across.Y, step, reach);
            float minus = LimbEdge.Distance(mask, x, y, (float)-across.X, (float)-across.Y, step, reach);

            // The shin: the front edge alone, clear of hands (the far leg lies behind the shank in a side view).
            float shin = front > 0 ? plus : minus;
            if (front != 0 && !float.IsNaN(shin) && !JointCentreRefiner.Touches(landmarks, p, p + (across * (front * shin)), Hands, gap))
            {
                shinAlong[shins] = t * length;
                shinOffset[shins] = front * shin;
                shins++;
            }

            if (float.IsNaN(plus) || float.IsNaN(minus))
            {
                continue;
            }

            double width = plus + minus;
            var a = p - (across * minus);
            var b = p + (across * plus);
            if (width < settings.MinWidth * length || width > settings.MaxWidth * length
                || JointCentreRefiner.Touches(landmarks, a, b, other, gap) || JointCentreRefiner.Touches(landmarks, a, b, Hands, gap))
            {
                continue;
            }

            centreAlong[centres] = t * length;
            centreOffset[centres] = (plus - minus) * 0.5;
            centres++;
        }

        return new ShankAxis(
            Axis(centreAlong[..centres], centreOffset[..centres], down, across, length, settings),
            Axis(shinAlong[..shins], shinOffset[..shins], down, across, length, settings));
    }

    /// <summary>
    /// The ankle → knee direction (degrees from image up) of the line fitted through points given as along-shank and
    /// across-shank offsets from the model's knee, or null when too few, too short a base or not straight.
    /// </summary>
    private static double? Axis(ReadOnlySpan<double> along, ReadOnlySpan<double> offset, Point2 down, Point2 across, double length, ShankAxisSettings settings)
    {
        int found = along.Length;
        if (found < settings.MinStations || along[found - 1] - along[0] < settings.MinSpan * length
            || !FitLine(along, offset, out double slope, out double rms) || rms > settings.MaxResidualFraction * length)
        {
            return null;
        }

        // The fitted line runs along down + slope · across; the axis points the other way (ankle → knee).
        var up = (down + (across * slope)) * -1;
        return Math.Atan2(up.X, -up.Y) * 180.0 / Math.PI;
    }

    /// <summary>
    /// +1 or −1: which way along <paramref name="across"/> the shin faces (where the toes point); 0 when the heel or
    /// toe is not visible or the foot does not point across the shank (a frontal view: it points at the camera).
    /// </summary>
    private static int FrontSign(ReadOnlySpan<Landmark> l, Side side, Point2 across, double gate)
    {
        var heel = l[(int)side.Heel()];
        var toe = l[(int)side.FootIndex()];
        if (heel.Visibility < gate || toe.Visibility < gate)
        {
            return 0;
        }

        var foot = new Point2(toe.X - heel.X, toe.Y - heel.Y);
        double along = Point2.Dot(foot, across);
        return Math.Abs(along) >= 0.5 * foot.Length && foot.Length > 0 ? Math.Sign(along) : 0;
    }

    /// <summary>Least-squares line offset = a + slope · along; false with fewer than two distinct stations.</summary>
    private static bool FitLine(ReadOnlySpan<double> along, ReadOnlySpan<double> offset, out double slope, out double rms)
    {
        slope = rms = 0;
        int n = along.Length;
        if (n < 2)
        {
            return false;
        }

        double ma = 0, mo = 0;
        for (int i = 0; i < n; i++)
        {
            ma += along[i];
            mo += offset[i];
        }

        ma /= n;
        mo /= n;
        double saa = 0, sao = 0;
        for (int i = 0; i < n; i++)
        {
            saa += (along[i] - ma) * (along[i] - ma);
            sao += (along[i] - ma) * (offset[i] - mo);
        }

        if (!(saa > 1e-9))
        {
            return false;
        }

        slope = sao / saa;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double r = offset[i] - (mo + (slope * (along[i] - ma)));
            sum += r * r;
        }

        rms = Math.Sqrt(sum / n);
        return true;
    }
}
