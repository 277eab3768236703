using System.Globalization;
using OpenCvSharp;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Overlay;

namespace ValgusVision.Live.Session;

/// <summary>
/// Draws the live overlay with OpenCV onto the (already mirrored) display image: skeleton, the stance leg coloured by
/// FPPA, the FPPA in digits about a tenth of the frame high (readable from 3 m on a laptop screen), a hip-shift bar,
/// rep counter, last verdict, prompt, a red frame on valgus events; with <see cref="HudState.Debug"/> also fps and latency.
/// A stance knee or ankle centred by the joint-centre refinement is a hollow ring, the model's own point a filled dot
/// (with <see cref="HudState.Debug"/> a legend under the panel says so). Text strings of numbers are
/// cached, so a steady session draws without allocating.
/// </summary>
public sealed class LiveHud
{
    private static readonly string[] HelpLines =
    [
        "space  start / stop a set",
        "L / R  stance leg left / right",
        "M      mirror on / off",
        "H      this help",
        "Q Esc  quit (the recording is kept)",
    ];

    // The overlay video's palette (OverlayPalette), in OpenCV's BGR order: a red knee means the same in both.
    private static readonly Scalar Green = Bgr(OverlayPalette.Green);
    private static readonly Scalar Amber = Bgr(OverlayPalette.Amber);
    private static readonly Scalar Red = Bgr(OverlayPalette.Red);
    private static readonly Scalar Grey = Bgr(OverlayPalette.Grey);
    private static readonly Scalar White = Bgr(OverlayPalette.Skeleton);
    private static readonly Scalar Black = Bgr(OverlayPalette.Outline);
    private static readonly Scalar HipShiftColour = Bgr(OverlayPalette.HipShift);
    private static readonly Scalar PelvisColour = Bgr(OverlayPalette.Pelvis);

    private readonly FppaBands _bands;
    private readonly float _gate;
    private readonly Dictionary<int, string> _fppaTexts = [];
    private readonly Dictionary<int, string> _statusTexts = [];
    private readonly Dictionary<int, string> _repTexts = [];
    private readonly Dictionary<string, string> _asciiTexts = new(StringComparer.Ordinal);

    public LiveHud(double valgusThresholdDeg, double visibilityGate)
    {
        _bands = FppaBands.ForThreshold(valgusThresholdDeg);
        _gate = (float)visibilityGate;
    }

    /// <summary>Colour of an FPPA by the overlay video's bands (<see cref="FppaBands"/>: green below 5°, amber, red from the limit).</summary>
    public Scalar ColourOf(double? fppaDeg) => Bgr(OverlayPalette.For(_bands.Classify(fppaDeg)));

    private static Scalar Bgr(SkiaSharp.SKColor colour) => new(colour.Blue, colour.Green, colour.Red);

    public void Draw(Mat image, PoseFrame pose, FrameMetrics metrics, in HudState state)
    {
        int w = image.Cols, h = image.Rows;
        double unit = Math.Min(w, h) / 720.0;
        double? fppa = state.Stance is { } s ? metrics.FppaDeg(s) : null;
        if (pose.HasPose && pose.Landmarks.Length == BodyLandmarks.Count)
        {
            DrawSkeleton(image, pose, state, unit);
            if (state.Stance is { } stance)
            {
                var colour = state.FeedbackHidden ? White : state.UntrustedReason is null ? ColourOf(fppa) : Grey;
                var refined = pose.Refinement.Refined;
                int thick = (int)Math.Max(3, 9 * unit);
                bool seen = Visible(pose, stance.Hip()) && Visible(pose, stance.Knee()) && Visible(pose, stance.Ankle());
                DrawBone(image, pose, stance.Hip(), stance.Knee(), colour, thick, state.Mirror, _gate);
                DrawBone(image, pose, stance.Knee(), stance.Ankle(), colour, thick, state.Mirror, _gate);

                // The joints after both bones, so neither bone covers a ring's hole.
                DrawJointMark(image, Pixel(pose, stance.Knee(), state.Mirror), thick, seen ? colour : Grey, RefinedPointMarks.IsRing(refined, stance.Knee()));
                DrawJointMark(image, Pixel(pose, stance.Ankle(), state.Mirror), thick, seen ? colour : Grey, RefinedPointMarks.IsRing(refined, stance.Ankle()));
            }
        }

        if (state.UntrustedReason is null && (state.InEvent || state.Flash))
        {
            int border = (int)Math.Max(8, 24 * unit);
            Cv2.Rectangle(image, new Rect(0, 0, w, h), Red, border);
        }

        DrawFppa(image, fppa, state, unit);
        DrawHipShiftBar(image, metrics.HipShiftPct, state, unit);
        DrawPanel(image, state, unit, state.Debug && RefinedPointMarks.ShowsLegend(pose));
        if (state.Prompt is { } prompt)
        {
            DrawBanner(image, prompt, unit, h - (int)(110 * unit));
        }

        if (state.ShowHelp)
        {
            DrawHelp(image, unit);
        }
    }

    private static Point Pixel(PoseFrame pose, BodyLandmark landmark, bool mirror)
    {
        var l = pose[landmark];
        float x = mirror ? pose.ImageWidth - 1 - l.X : l.X;
        return new Point((int)Math.Round(x), (int)Math.Round(l.Y));
    }

    private bool Visible(PoseFrame pose, BodyLandmark landmark) => Visible(pose, landmark, _gate);

    private static bool Visible(PoseFrame pose, BodyLandmark landmark, float gate)
    {
        var l = pose[landmark];
        return l.Visibility >= gate && float.IsFinite(l.X) && float.IsFinite(l.Y);
    }

    private void DrawSkeleton(Mat image, PoseFrame pose, in HudState state, double unit)
    {
        int thick = (int)Math.Max(2, 4 * unit);
        foreach (var (a, b) in SkeletonBones.Pairs)
        {
            if (Visible(pose, a) && Visible(pose, b))
            {
                Cv2.Line(image, Pixel(pose, a, state.Mirror), Pixel(pose, b, state.Mirror), White, thick, LineTypes.AntiAlias);
            }
        }

        // The pelvic line, as the overlay video draws it (its own colour, not a bone).
        if (Visible(pose, BodyLandmark.LeftHip) && Visible(pose, BodyLandmark.RightHip))
        {
            Cv2.Line(image, Pixel(pose, BodyLandmark.LeftHip, state.Mirror), Pixel(pose, BodyLandmark.RightHip, state.Mirror), PelvisColour, thick, LineTypes.AntiAlias);
        }
    }

    private static void DrawBone(Mat image, PoseFrame pose, BodyLandmark a, BodyLandmark b, Scalar colour, int thick, bool mirror, float gate)
    {
        var pa = Pixel(pose, a, mirror);
        var pb = Pixel(pose, b, mirror);
        bool seen = Visible(pose, a, gate) && Visible(pose, b, gate);
        Cv2.Line(image, pa, pb, Black, thick + 4, LineTypes.AntiAlias);
        Cv2.Line(image, pa, pb, seen ? colour : Grey, thick, LineTypes.AntiAlias);
    }

    /// <summary>A joint: a filled dot for the model's point, a hollow ring (dark inside) for one the refinement centred.</summary>
    private static void DrawJointMark(Mat image, Point at, int thick, Scalar colour, bool refined)
    {
        if (refined)
        {
            int ring = Math.Max(2, thick / 2);
            Cv2.Circle(image, at, (thick * 2) + 2, Black, -1, LineTypes.AntiAlias);
            Cv2.Circle(image, at, thick * 2, colour, ring, LineTypes.AntiAlias);
        }
        else
        {
            Cv2.Circle(image, at, thick, colour, -1, LineTypes.AntiAlias);
        }
    }

    private void DrawFppa(Mat image, double? fppa, in HudState state, double unit)
    {
        // Hershey digits are ~22 px high per unit of scale: 3.2 at 720 p is ~70 px, a tenth of the frame.
        double scale = 3.2 * unit;
        int thick = (int)Math.Max(2, 8 * unit);
        string text;
        Scalar colour;
        if (state.FeedbackHidden)
        {
            text = "hold...";
            colour = White;
        }
        else if (fppa is { } v)
        {
            int key = (int)Math.Round(v * 10);
            if (!_fppaTexts.TryGetValue(key, out var cached))
            {
                cached = (key / 10.0).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);
                _fppaTexts[key] = cached;
            }

            text = cached;
            colour = state.UntrustedReason is null ? ColourOf(v) : Grey;
        }
        else
        {
            text = "--";
            colour = Grey;
        }

        var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, scale, thick, out int baseline);
        int margin = (int)(20 * unit);
        var origin = new Point(image.Cols - size.Width - margin - (int)(30 * unit), margin + size.Height + (int)(40 * unit));
        var box = new Rect(origin.X - margin, origin.Y - size.Height - margin, size.Width + (int)(30 * unit) + (2 * margin), size.Height + baseline + (2 * margin));
        Shade(image, box);
        Cv2.PutText(image, "knee FPPA", new Point(box.X + margin, box.Y - (int)(8 * unit)), HersheyFonts.HersheySimplex, 0.9 * unit, White, (int)Math.Max(1, 2 * unit), LineTypes.AntiAlias);
        Cv2.PutText(image, text, origin, HersheyFonts.HersheySimplex, scale, colour, thick, LineTypes.AntiAlias);
        if (!state.FeedbackHidden && fppa is not null)
        {
            // Hershey fonts have no degree sign: draw it.
            Cv2.Circle(image, new Point(origin.X + size.Width + (int)(16 * unit), origin.Y - size.Height + (int)(8 * unit)), (int)Math.Max(3, 9 * unit), colour, thick / 2, LineTypes.AntiAlias);
        }

        if (!state.FeedbackHidden && state.UntrustedReason is { } reason)
        {
            // The reason under the grey number (below the hip-shift bar, which it used to cross), as the reports put
            // it beside theirs; right-aligned on its own shade so it reads on any background.
            string line = "accuracy unknown: " + reason;
            int textThick = (int)Math.Max(1, 2 * unit);
            var lineSize = Cv2.GetTextSize(line, HersheyFonts.HersheySimplex, 0.7 * unit, textThick, out _);
            var at = new Point(Math.Max(margin, image.Cols - margin - lineSize.Width), (int)(262 * unit));
            Shade(image, new Rect(at.X - (margin / 2), at.Y - lineSize.Height - (margin / 2), lineSize.Width + margin, lineSize.Height + margin));
            Cv2.PutText(image, line, at, HersheyFonts.HersheySimplex, 0.7 * unit, White, textThick, LineTypes.AntiAlias);
        }
    }

    /// <summary>
    /// A horizontal bar under the FPPA: the stance hip's shift from the ankle, full scale ±20 % of leg length. It grows
    /// towards the side the hip actually moved on screen, so mirroring and the stance leg are accounted for.
    /// </summary>
    private void DrawHipShiftBar(Mat image, double? shiftPct, in HudState state, double unit)
    {
        int width = (int)(300 * unit), height = (int)(26 * unit), margin = (int)(20 * unit);
        int x0 = image.Cols - width - margin, y0 = (int)(190 * unit);
        var box = new Rect(x0, y0, width, height);
        Shade(image, new Rect(x0 - (margin / 2), y0 - (int)(34 * unit), width + margin, height + (int)(44 * unit)));
        Cv2.PutText(image, "hip shift", new Point(x0, y0 - (int)(8 * unit)), HersheyFonts.HersheySimplex, 0.8 * unit, White, (int)Math.Max(1, 2 * unit), LineTypes.AntiAlias);
        Cv2.Rectangle(image, box, Grey, 1);
        int centre = x0 + (width / 2);
        Cv2.Line(image, new Point(centre, y0 - 4), new Point(centre, y0 + height + 4), White, 2);
        if (shiftPct is not { } shift || state.Stance is not { } stance || state.FeedbackHidden)
        {
            return;
        }

        // Lateral for the left leg is the person's left = the image's right; the mirror flips it on screen.
        int screenSign = (stance == Side.Left ? 1 : -1) * (state.Mirror ? -1 : 1);
        double fraction = Math.Clamp(shift / 20.0, -1, 1);
        int length = (int)(fraction * screenSign * (width / 2));
        var bar = length >= 0 ? new Rect(centre, y0 + 3, length, height - 6) : new Rect(centre + length, y0 + 3, -length, height - 6);
        Cv2.Rectangle(image, bar, Math.Abs(shift) >= 10 ? Amber : HipShiftColour, -1);
    }

    private void DrawPanel(Mat image, in HudState state, double unit, bool refinementLegend)
    {
        int margin = (int)(20 * unit);
        double scale = 1.1 * unit;
        int thick = (int)Math.Max(1, 2 * unit);
        int line = (int)(40 * unit);
        // The client's panel has three lines: reps, stance, set; --debug adds the developer's fps and latency.
        Shade(image, new Rect(margin / 2, margin / 2, (int)(520 * unit), ((state.Debug ? 4 : 3) * line) + margin));
        int y = margin + line - (int)(6 * unit);
        Cv2.PutText(image, RepText(state.Reps), new Point(margin, y), HersheyFonts.HersheySimplex, scale * 1.3, White, thick + 1, LineTypes.AntiAlias);
        y += line;
        string stance = state.Stance switch { Side.Left => "stance: left leg", Side.Right => "stance: right leg", _ => "stance: ? (press L or R)" };
        Cv2.PutText(image, stance, new Point(margin, y), HersheyFonts.HersheySimplex, scale * 0.8, White, thick, LineTypes.AntiAlias);
        y += line;
        Cv2.PutText(image, state.SetRunning ? "set running (space stops)" : "space starts a set", new Point(margin, y), HersheyFonts.HersheySimplex, scale * 0.8, state.SetRunning ? Green : Grey, thick, LineTypes.AntiAlias);
        if (state.Debug)
        {
            y += line;
            Cv2.PutText(image, StatusText(state.Fps, state.LatencyMs), new Point(margin, y), HersheyFonts.HersheySimplex, scale * 0.7, Grey, thick, LineTypes.AntiAlias);
        }

        if (refinementLegend)
        {
            y += line;
            Shade(image, new Rect(margin / 2, y - line + (margin / 2), (int)(520 * unit), line));
            int mark = (int)Math.Max(3, 9 * unit);
            int cy = y - (int)(10 * unit);
            DrawJointMark(image, new Point(margin + mark, cy), mark / 2, White, refined: true);
            Cv2.PutText(image, RefinedPointMarks.RingLegend, new Point(margin + (3 * mark), y), HersheyFonts.HersheySimplex, scale * 0.6, White, thick, LineTypes.AntiAlias);
            int dotX = margin + (int)(310 * unit);
            DrawJointMark(image, new Point(dotX, cy), mark / 2, White, refined: false);
            Cv2.PutText(image, RefinedPointMarks.DotLegend, new Point(dotX + (2 * mark), y), HersheyFonts.HersheySimplex, scale * 0.6, White, thick, LineTypes.AntiAlias);
        }

        if (state.LastVerdict is { } verdict && !state.FeedbackHidden)
        {
            DrawBanner(image, verdict, unit, image.Rows - (int)(40 * unit));
        }
    }

    private void DrawBanner(Mat image, string text, double unit, int baselineY)
    {
        text = Ascii(text);
        double scale = 0.8 * unit;
        int thick = (int)Math.Max(1, 2 * unit);
        // Long sentences are cut to the frame's width rather than wrapped: the banner is one line to glance at.
        int cols = image.Cols;
        var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, scale, thick, out _);
        while (size.Width > cols - (40 * unit) && scale > 0.35 * unit)
        {
            scale *= 0.9;
            size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, scale, thick, out _);
        }

        int x = Math.Max(4, (cols - size.Width) / 2);
        Shade(image, new Rect(x - 10, baselineY - size.Height - 12, size.Width + 20, size.Height + 24));
        Cv2.PutText(image, text, new Point(x, baselineY), HersheyFonts.HersheySimplex, scale, White, thick, LineTypes.AntiAlias);
    }

    private static void DrawHelp(Mat image, double unit)
    {
        int line = (int)(40 * unit);
        int x = (int)(image.Cols * 0.25), y = (int)(image.Rows * 0.3);
        Shade(image, new Rect(x - 20, y - line, (int)(image.Cols * 0.5), (HelpLines.Length + 1) * line));
        foreach (var text in HelpLines)
        {
            Cv2.PutText(image, text, new Point(x, y), HersheyFonts.HersheySimplex, 0.9 * unit, White, (int)Math.Max(1, 2 * unit), LineTypes.AntiAlias);
            y += line;
        }
    }

    /// <summary>Darkens a box so text stays readable on any background.</summary>
    private static void Shade(Mat image, Rect box)
    {
        var clipped = box.Intersect(new Rect(0, 0, image.Cols, image.Rows));
        if (clipped.Width <= 0 || clipped.Height <= 0)
        {
            return;
        }

        using var roi = new Mat(image, clipped);
        roi.ConvertTo(roi, -1, 0.35, 0);
    }

    /// <summary>
    /// OpenCV's Hershey fonts draw ASCII only: verdicts and prompts say "°", "—" and "≥", which would show as "??".
    /// Converted texts are cached, as the same banners are drawn frame after frame.
    /// </summary>
    private string Ascii(string text)
    {
        if (_asciiTexts.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var ascii = text.Replace("°", " deg", StringComparison.Ordinal).Replace("—", "-", StringComparison.Ordinal)
            .Replace("–", "-", StringComparison.Ordinal).Replace("≥", ">=", StringComparison.Ordinal).Replace("…", "...", StringComparison.Ordinal)
            .Replace("→", "->", StringComparison.Ordinal);
        var chars = ascii.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] > 126)
            {
                chars[i] = '?';
            }
        }

        if (_asciiTexts.Count > 256)
        {
            _asciiTexts.Clear();
        }

        cached = new string(chars);
        _asciiTexts[text] = cached;
        return cached;
    }

    private string RepText(int reps)
    {
        if (!_repTexts.TryGetValue(reps, out var text))
        {
            text = string.Create(CultureInfo.InvariantCulture, $"reps {reps}");
            _repTexts[reps] = text;
        }

        return text;
    }

    private string StatusText(double fps, double latencyMs)
    {
        int key = ((int)Math.Round(fps) * 10000) + Math.Clamp((int)Math.Round(latencyMs), 0, 9999);
        if (!_statusTexts.TryGetValue(key, out var text))
        {
            text = string.Create(CultureInfo.InvariantCulture, $"{fps:0} fps  latency {latencyMs:0} ms");
            if (_statusTexts.Count > 4096)
            {
                _statusTexts.Clear();
            }

            _statusTexts[key] = text;
        }

        return text;
    }
}
