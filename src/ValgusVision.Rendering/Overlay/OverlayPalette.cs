using SkiaSharp;

namespace ValgusVision.Rendering.Overlay;

/// <summary>Colours shared by the overlay, the charts and the reports, so a red knee means the same everywhere.</summary>
public static class OverlayPalette
{
    public static readonly SKColor Green = new(0x2E, 0xCC, 0x71);
    public static readonly SKColor Amber = new(0xF5, 0xA6, 0x23);
    public static readonly SKColor Red = new(0xE7, 0x4C, 0x3C);
    public static readonly SKColor Grey = new(0x9E, 0x9E, 0x9E);
    public static readonly SKColor Skeleton = new(0xEC, 0xF0, 0xF1);
    public static readonly SKColor Outline = new(0x10, 0x10, 0x10, 0xC0);
    public static readonly SKColor HipShift = new(0x3D, 0xA5, 0xFF);
    public static readonly SKColor Pelvis = new(0xC3, 0x9B, 0xFF);
    public static readonly SKColor PanelBackground = new(0x00, 0x00, 0x00, 0x99);
    public static readonly SKColor Text = SKColors.White;

    public static SKColor For(FppaBand band) => band switch
    {
        FppaBand.Normal => Green,
        FppaBand.Elevated => Amber,
        FppaBand.Valgus => Red,
        _ => Grey,
    };

    /// <summary>CSS hex form (#rrggbb) for the HTML report.</summary>
    public static string Css(SKColor colour) => $"#{colour.Red:x2}{colour.Green:x2}{colour.Blue:x2}";
}
