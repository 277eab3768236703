using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OpenCvSharp;

namespace ValgusVision.Pose.Runtime;

/// <summary>
/// The crop as MediaPipe's GPU image-to-tensor converter makes it (image_to_tensor_converter_gl_texture.cc): every
/// tensor pixel centre is mapped into the frame and the frame texture is sampled there with GL_LINEAR filtering in
/// float — no 1/32-pixel coordinate grid and no rounding to 8 bits, which OpenCV's warpPerspective has and which moved
/// the detector's hip keypoint by up to 0.8 px. Borders as GL does them: the landmark crop clamps to the edge
/// (GL_CLAMP_TO_EDGE); the detector's zero border is the converter's "custom zero border" for GL ES without
/// GL_CLAMP_TO_BORDER (WebGL): samples inside the frame clamp to the edge, samples outside it are exactly 0.
/// Allocates nothing.
/// </summary>
internal static class TextureSampler
{
    /// <param name="source">The frame: 8-bit BGR, BGRA or gray.</param>
    /// <param name="tensorToFrame">Affine map from a tensor pixel index (u, v) to frame pixel index coordinates, row-major 2×3.</param>
    /// <param name="zeroBorder">Samples outside the frame read 0 (detector) instead of the edge pixel (landmark crop).</param>
    /// <param name="scale">Multiplier of the 0–255 sample.</param>
    /// <param name="offset">Added after scaling.</param>
    public static unsafe void Crop(Mat source, ReadOnlySpan<double> tensorToFrame, int size, bool zeroBorder, float scale, float offset, Span<float> tensor)
    {
        int width = source.Width, height = source.Height, channels = source.Channels();
        long step = source.Step();
        byte* basePtr = (byte*)source.DataPointer;

        // Single precision, as the GL vertex shader computes the sample coordinates (highp float).
        float a = (float)tensorToFrame[0], b = (float)tensorToFrame[1], c = (float)tensorToFrame[2];
        float d = (float)tensorToFrame[3], e = (float)tensorToFrame[4], f = (float)tensorToFrame[5];
        int maxX = width - 1, maxY = height - 1;

        // GL's zero-border test is on the normalised coordinate (s + 0.5) / extent leaving [0, 1].
        float lowX = zeroBorder ? -0.5f : float.NegativeInfinity, highX = zeroBorder ? maxX + 0.5f : float.PositiveInfinity;
        float lowY = zeroBorder ? -0.5f : float.NegativeInfinity, highY = zeroBorder ? maxY + 0.5f : float.PositiveInfinity;
        int red = channels == 1 ? 0 : 2, green = channels == 1 ? 0 : 1;

        // Colour pixels are read as 4 bytes at once (B, G, R and the next byte); the last 3 bytes of the frame cannot be.
        bool vector = channels >= 3 && Vector128.IsHardwareAccelerated;
        byte* lastSafe = basePtr + maxY * step + width * channels - 4;
        var vScale = Vector128.Create(scale);
        var vOffset = Vector128.Create(offset);

        fixed (float* dstBase = tensor)
        {
            float* dst = dstBase;
            for (int v = 0; v < size; v++)
            {
                float rowX = b * v + c, rowY = e * v + f;
                for (int u = 0; u < size; u++, dst += 3)
                {
                    float sx = a * u + rowX, sy = d * u + rowY;
                    if (sx < lowX || sx > highX || sy < lowY || sy > highY)
                    {
                        // A 0 sample, scaled like any other.
                        dst[0] = offset;
                        dst[1] = offset;
                        dst[2] = offset;
                        continue;
                    }

                    float cx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
                    float cy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
                    int x0 = (int)cx, y0 = (int)cy;
                    float fx = cx - x0, fy = cy - y0;
                    byte* p00 = basePtr + y0 * step + x0 * channels;
                    byte* p01 = x0 < maxX ? p00 + channels : p00;
                    long down = y0 < maxY ? step : 0;
                    byte* p10 = p00 + down, p11 = p01 + down;
                    float w11 = fx * fy, w01 = fx - w11, w10 = fy - w11, w00 = 1 - fx - w10;

                    if (vector && p11 <= lastSafe)
                    {
                        Vector128<float> sum = Texel(p00) * w00 + Texel(p01) * w01 + Texel(p10) * w10 + Texel(p11) * w11;
                        Vector128<float> value = sum * vScale + vOffset;
                        dst[0] = value.GetElement(2);
                        dst[1] = value.GetElement(1);
                        dst[2] = value.GetElement(0);
                        continue;
                    }

                    // BGR(A) or gray in, RGB out.
                    dst[0] = (p00[red] * w00 + p01[red] * w01 + p10[red] * w10 + p11[red] * w11) * scale + offset;
                    dst[1] = (p00[green] * w00 + p01[green] * w01 + p10[green] * w10 + p11[green] * w11) * scale + offset;
                    dst[2] = (p00[0] * w00 + p01[0] * w01 + p10[0] * w10 + p11[0] * w11) * scale + offset;
                }
            }
        }
    }

    /// <summary>The 4 bytes at <paramref name="pixel"/> as floats (B, G, R, next).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector128<float> Texel(byte* pixel)
    {
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(pixel)).AsByte();
        return Vector128.ConvertToSingle(Vector128.WidenLower(Vector128.WidenLower(bytes)).AsInt32());
    }
}
