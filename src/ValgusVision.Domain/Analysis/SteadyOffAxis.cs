namespace ValgusVision.Domain.Analysis;

/// <summary>
/// How far the body is turned from a frontal view around one frame, with one- and two-frame spikes of the yaw estimate
/// left out: the median of the off-axis angles (<see cref="Geometry.BodyYaw.OffAxisDegrees"/>) of the frame and its two
/// neighbours on each side. A person cannot turn 60° and back within two frames (67 ms at 30 fps), but the model's world
/// landmarks sometimes flip for a frame: on a rendered frontal clip (body B, 2026-12-04) one standing frame read −80°
/// and the next −17° between neighbours of about −1°, and that single spike marked the whole recording "not a frontal
/// view". A real turn lasts longer than the window and passes unchanged.
/// </summary>
public static class SteadyOffAxis
{
    /// <summary>Frames on each side of the one asked about.</summary>
    public const int HalfWindow = 2;

    /// <summary>The median off-axis angle (0–90°) of the frames within <see cref="HalfWindow"/> of <paramref name="index"/> that have a yaw; null when none has.</summary>
    public static double? At(IReadOnlyList<FrameMetrics> metrics, int index)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Span<double> values = stackalloc double[(2 * HalfWindow) + 1];
        int n = 0;
        int from = Math.Max(0, index - HalfWindow), to = Math.Min(metrics.Count - 1, index + HalfWindow);
        for (int i = from; i <= to; i++)
        {
            if (metrics[i].Quality.BodyYawDeg is { } yaw)
            {
                values[n++] = Geometry.BodyYaw.OffAxisDegrees(yaw);
            }
        }

        return n == 0 ? null : Median(values[..n]);
    }

    private static double Median(Span<double> values)
    {
        values.Sort();
        int mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
