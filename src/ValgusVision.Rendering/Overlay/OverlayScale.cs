namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// Sizes of lines and text for one frame size. Everything is designed at 720 px on the short side and scaled
/// with it, so 320×240, 4K and portrait phone video all look alike; tiny frames keep a legible minimum.
/// </summary>
internal readonly record struct OverlayScale(float Factor)
{
    public static OverlayScale For(int width, int height) => new(Math.Max(0.35f, Math.Min(width, height) / 720f));

    public float Px(float designPixels) => designPixels * Factor;

    public float TextPx(float designPixels) => Math.Max(9f, designPixels * Factor);
}
