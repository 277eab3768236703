using SkiaSharp;

namespace ValgusVision.Rendering.Text;

/// <summary>
/// The one sans-serif typeface every overlay and report uses. SkiaSharp's no-dependency Linux build has no
/// fontconfig, so a family name alone may resolve to an empty typeface that draws nothing; we therefore try
/// well-known font files first and then the font manager, and fail loudly if no font can be found at all.
/// </summary>
public static class ReportTypeface
{
    private static readonly string[] Families = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans"];

    private static readonly string[] RegularFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "C:\\Windows\\Fonts\\arial.ttf",
    ];

    private static readonly string[] BoldFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
        "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
        "C:\\Windows\\Fonts\\arialbd.ttf",
    ];

    private static readonly Lazy<(SKTypeface Face, string? Path)> RegularLazy = new(() => Load(SKFontStyle.Normal, RegularFiles));
    private static readonly Lazy<(SKTypeface Face, string? Path)> BoldLazy = new(() => Load(SKFontStyle.Bold, BoldFiles));

    public static SKTypeface Regular => RegularLazy.Value.Face;

    public static SKTypeface Bold => BoldLazy.Value.Face;

    /// <summary>The regular face's font file, when it came from a file (charts register it with ScottPlot).</summary>
    public static string? RegularPath => RegularLazy.Value.Path;

    /// <summary>The bold face's font file, when it came from a file.</summary>
    public static string? BoldPath => BoldLazy.Value.Path;

    /// <summary>The family name of the regular face (ScottPlot is told to use it too).</summary>
    public static string FamilyName => Regular.FamilyName;

    /// <summary>Known font files first (their path is known and they always have glyphs), then the font manager.</summary>
    private static (SKTypeface Face, string? Path) Load(SKFontStyle style, string[] files)
    {
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                var typeface = SKTypeface.FromFile(file);
                if (typeface is not null && typeface.GlyphCount > 0)
                {
                    return (typeface, file);
                }
            }
        }

        foreach (var family in Families)
        {
            var typeface = SKFontManager.Default.MatchFamily(family, style);
            if (typeface is not null && typeface.GlyphCount > 0)
            {
                return (typeface, null);
            }
        }

        throw new InvalidOperationException(
            "no usable font found for rendering text (tried " + string.Join(", ", Families) +
            "); install a sans-serif font such as DejaVu Sans (Debian: fonts-dejavu-core)");
    }
}
