using System.Globalization;
using ValgusVision.Pose;
using ValgusVision.Pose.Landmarks;
using ValgusVision.Pose.Smoothing;
using ValgusVision.Pose.Tracking;

namespace ValgusVision.App;

/// <summary>
/// The pose engine's accuracy levers (issue 12 item 3), each selectable so <c>valgus eval</c> can measure it on and off
/// on the same clips. The defaults are MediaPipe's; what each lever buys is in docs/accuracy.md.
/// </summary>
public sealed record PoseLevers
{
    public static PoseLevers Default { get; } = new();

    /// <summary>
    /// Also run the landmark model on the mirrored ROI and average. Off by default: on frontal squats it removed the
    /// model's left/right asymmetry and cut the largest FPPA error at the rep bottoms (4.4° → 3.4°), but on the side-view
    /// lunge it read the tibia 1–2° further from the truth, and it doubles the landmark model's time (docs/accuracy.md).
    /// </summary>
    public bool FlipAveraging { get; init; }

    /// <summary>Heatmap refinement window in heatmap cells (odd; 0 = no refinement).</summary>
    public int HeatmapWindow { get; init; } = HeatmapRefiner.KernelSize;

    /// <summary>Landmark ROI side as a multiple of the body's extent.</summary>
    public float RoiScale { get; init; } = RoiTransformation.Scale;

    /// <summary>One-Euro smoothing of the body landmarks (video only; stills are never smoothed).</summary>
    public bool Smoothing { get; init; } = true;

    /// <summary>
    /// The body filter's cutoff at rest, Hz. MediaPipe's 0.05 Hz smooths a slow squat's bottom strongly (the filter opens
    /// only with speed), so the deepest pose can lag: the lever measures that.
    /// </summary>
    public double SmoothingMinCutoffHz { get; init; } = OneEuroFilterSettings.BodyLandmarks.MinCutoff;

    /// <summary>
    /// How the crops sample the frame: MediaPipe's CPU convention (corner-aligned) by default; pixel centres (its GPU
    /// convention) is the mirror-symmetric one, measured for issue 18 item 4 (docs/accuracy.md, "Mirror symmetry").
    /// </summary>
    public CropSampling CropSampling { get; init; } = CropSampling.CornerAligned;

    public BlazePoseOptions ApplyTo(BlazePoseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            FlipAveraging = FlipAveraging,
            CropSampling = CropSampling,
            HeatmapWindow = HeatmapWindow,
            RoiScale = RoiScale,
            Smoothing = options.Smoothing && Smoothing,
            BodySmoothing = options.BodySmoothing with { MinCutoff = SmoothingMinCutoffHz },
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the command-line option of the first bad value.</summary>
    public void Validate()
    {
        if (HeatmapWindow < 0 || HeatmapWindow > 63 || (HeatmapWindow != 0 && HeatmapWindow % 2 == 0))
        {
            throw new ArgumentException($"--heatmap-window: {HeatmapWindow} is not an odd number of heatmap cells from 1 to 63, or 0 for none");
        }

        if (!(RoiScale is >= 0.5f and <= 3f))
        {
            throw new ArgumentException(FormattableString.Invariant($"--roi-scale: {RoiScale} is not between 0.5 and 3"));
        }

        if (!(SmoothingMinCutoffHz > 0) || !double.IsFinite(SmoothingMinCutoffHz))
        {
            throw new ArgumentException(FormattableString.Invariant($"--smoothing-min-cutoff: {SmoothingMinCutoffHz} Hz must be above 0"));
        }
    }

    /// <summary>The levers as report settings (always all of them, as the reports list every setting).</summary>
    public IEnumerable<(string Name, string Value)> Describe(bool stillImage)
    {
        var c = CultureInfo.InvariantCulture;
        yield return ("landmark smoothing", stillImage ? "none (still image)"
            : !Smoothing ? "none"
            : SmoothingMinCutoffHz == OneEuroFilterSettings.BodyLandmarks.MinCutoff ? "One-Euro (MediaPipe's defaults)"
            : string.Format(c, "One-Euro, min cutoff {0:0.###} Hz (MediaPipe's: {1:0.###})", SmoothingMinCutoffHz, OneEuroFilterSettings.BodyLandmarks.MinCutoff));
        yield return ("flip averaging", FlipAveraging ? "on (plain and mirrored ROI averaged)" : "off");
        yield return ("heatmap refinement", HeatmapWindow == 0 ? "off"
            : string.Format(c, "{0}×{0} cells{1}", HeatmapWindow, HeatmapWindow == HeatmapRefiner.KernelSize ? " (MediaPipe's)" : string.Empty));
        yield return ("crop sampling", CropSampling == CropSampling.PixelCentres ? "pixel centres" : "corner-aligned (MediaPipe's CPU)");
        yield return ("ROI scale", string.Format(c, "{0:0.###}{1}", RoiScale, RoiScale == RoiTransformation.Scale ? " (MediaPipe's)" : string.Empty));
    }

    /// <summary>Short label of the levers that differ from the defaults ("flip, roi 1.4"); "defaults" when none.</summary>
    public string Label
    {
        get
        {
            var parts = new List<string>();
            var c = CultureInfo.InvariantCulture;
            if (FlipAveraging)
            {
                parts.Add("flip");
            }

            if (HeatmapWindow != HeatmapRefiner.KernelSize)
            {
                parts.Add(HeatmapWindow == 0 ? "no heatmap" : string.Format(c, "heatmap {0}", HeatmapWindow));
            }

            if (RoiScale != RoiTransformation.Scale)
            {
                parts.Add(string.Format(c, "roi {0:0.###}", RoiScale));
            }

            if (CropSampling == CropSampling.PixelCentres)
            {
                parts.Add("pixel-centre crop");
            }

            if (!Smoothing)
            {
                parts.Add("no smoothing");
            }
            else if (SmoothingMinCutoffHz != OneEuroFilterSettings.BodyLandmarks.MinCutoff)
            {
                parts.Add(string.Format(c, "min cutoff {0:0.###} Hz", SmoothingMinCutoffHz));
            }

            return parts.Count == 0 ? "defaults" : string.Join(", ", parts);
        }
    }
}
