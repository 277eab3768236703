using System.Globalization;
using ValgusVision.Domain.Analysis;
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
    /// Also run the landmark model on the mirrored ROI and average (<c>--flip-average</c>). Null: the product decides by
    /// use (<see cref="DefaultFlipAveraging"/>); a session resolves it once (<see cref="SessionOptions.LeversFor"/>)
    /// before any pose runs, so the reports and the resume key always see on or off.
    /// </summary>
    public bool? FlipAveraging { get; init; }

    /// <summary>
    /// Flip averaging where the user left it to the tool: on for recorded frontal analyses, where the rule written before
    /// measuring held on body A (MAE 0.90° → 0.85°, bias +0.09° → +0.02°, mirror 0.60–0.74° → 0.26–0.38° mean) and it
    /// meets issue 18's mirror target; off live, where it did not keep up with a 30 fps camera on two cores (35–37 ms a
    /// pose run one after the other; with the mirrored run beside the plain one 28.9–29.5 fps, frames dropped, median
    /// latency 18 → 27–30 ms);
    /// off for the side-view lunge test, whose tibia it read further from the truth on two of three lunges
    /// (docs/accuracy.md, "Flip averaging as the recorded default?").
    /// </summary>
    public static bool DefaultFlipAveraging(bool live, Exercise exercise) => !live && exercise != Exercise.AnkleLunge;

    /// <summary>These levers with flip averaging decided: the user's choice, else <see cref="DefaultFlipAveraging"/>.</summary>
    public PoseLevers Resolved(bool live, Exercise exercise) =>
        FlipAveraging is null ? this with { FlipAveraging = DefaultFlipAveraging(live, exercise) } : this;

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
        // An unresolved lever here would silently run one choice while the reports name none.
        bool flip = FlipAveraging ?? throw new InvalidOperationException("flip averaging not resolved: call Resolved(live, exercise) first");
        return options with
        {
            FlipAveraging = flip,
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
        yield return ("flip averaging", FlipAveraging switch
        {
            true => "on (plain and mirrored ROI averaged)",
            false => "off",
            null => "by use (on for recorded frontal analyses)",
        });
        yield return ("heatmap refinement", HeatmapWindow == 0 ? "off"
            : string.Format(c, "{0}×{0} cells{1}", HeatmapWindow, HeatmapWindow == HeatmapRefiner.KernelSize ? " (MediaPipe's)" : string.Empty));
        yield return ("crop sampling", CropSampling == CropSampling.PixelCentres ? "pixel centres" : "corner-aligned (MediaPipe's CPU)");
        yield return ("ROI scale", string.Format(c, "{0:0.###}{1}", RoiScale, RoiScale == RoiTransformation.Scale ? " (MediaPipe's)" : string.Empty));
    }

    /// <summary>
    /// Short label of the levers that differ from a recorded frontal run's defaults ("no flip, roi 1.4"); "defaults" when
    /// none.
    /// </summary>
    public string Label
    {
        get
        {
            var parts = new List<string>();
            var c = CultureInfo.InvariantCulture;
            // Against the recorded frontal default (flip on), so a side-view or live run's tables say "no flip".
            if (FlipAveraging == false)
            {
                parts.Add("no flip");
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
