using SkiaSharp;

namespace ValgusVision.Rendering.Tests.Fixtures;

/// <summary>Saves images for a human to look at, outside CI only (ImageSharp's habit), under the temp folder.</summary>
internal static class DebugImages
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "valgusvision-render-debug");

    public static bool Enabled => Environment.GetEnvironmentVariable("CI") is null;

    public static unsafe void SaveBgr(string name, byte[] pixels, int width, int height, int stride)
    {
        if (!Enabled)
        {
            return;
        }

        Directory.CreateDirectory(Folder);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        var dst = (byte*)bitmap.GetPixels();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var s = (y * stride) + (x * 3);
                var d = (y * bitmap.RowBytes) + (x * 4);
                dst[d] = pixels[s];
                dst[d + 1] = pixels[s + 1];
                dst[d + 2] = pixels[s + 2];
                dst[d + 3] = 255;
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 90);
        File.WriteAllBytes(Path.Combine(Folder, name + ".png"), data.ToArray());
    }
}
