using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Overlay;

/// <summary>
/// Moves a frame between the caller's BGR/BGRA/Gray buffer and the painter's BGRA canvas, row by row. BGR rows,
/// the pipeline's usual format, go 4 pixels at a time through one SSSE3 byte shuffle (12 bytes ↔ 16 bytes); a scalar
/// tail finishes each row so no read or write leaves it.
/// </summary>
internal static unsafe class PixelCopy
{
    // BGR BGR BGR BGR (12 bytes) → BGRx BGRx BGRx BGRx; the x lanes are then set to 255.
    private static readonly Vector128<byte> ExpandShuffle = Vector128.Create((byte)0, 1, 2, 0x80, 3, 4, 5, 0x80, 6, 7, 8, 0x80, 9, 10, 11, 0x80);
    private static readonly Vector128<byte> OpaqueAlpha = Vector128.Create(0xFF000000u).AsByte();

    // BGRA ×4 (16 bytes) → BGR ×4 in the low 12 bytes.
    private static readonly Vector128<byte> PackShuffle = Vector128.Create((byte)0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80);

    /// <summary>Throws, naming the sizes, when <paramref name="pixels"/> cannot hold a <paramref name="width"/>×<paramref name="height"/> frame.</summary>
    public static void CheckFrame(ReadOnlySpan<byte> pixels, int strideBytes, PixelFormat format, int width, int height)
    {
        var bytesPerPixel = format switch
        {
            PixelFormat.Bgr24 => 3,
            PixelFormat.Bgra32 => 4,
            PixelFormat.Gray8 => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "overlay: unknown pixel format"),
        };
        if (strideBytes < width * bytesPerPixel || pixels.Length < ((long)strideBytes * (height - 1)) + (width * bytesPerPixel))
        {
            throw new ArgumentException(
                $"overlay: a {width}×{height} {format} frame with stride {strideBytes} needs more than the {pixels.Length} bytes given",
                nameof(pixels));
        }
    }

    public static void Into(ReadOnlySpan<byte> source, int sourceStride, PixelFormat format, byte* target, int targetStride, int width, int height)
    {
        fixed (byte* src0 = source)
        {
            for (var y = 0; y < height; y++)
            {
                var src = src0 + ((long)y * sourceStride);
                var dst = target + ((long)y * targetStride);
                switch (format)
                {
                    case PixelFormat.Bgra32:
                        Buffer.MemoryCopy(src, dst, targetStride, width * 4L);
                        break;
                    case PixelFormat.Bgr24:
                        ExpandRow(src, dst, width);
                        break;
                    case PixelFormat.Gray8:
                        for (var x = 0; x < width; x++, src++, dst += 4)
                        {
                            dst[0] = dst[1] = dst[2] = src[0];
                            dst[3] = 255;
                        }

                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(format), format, "overlay: unsupported pixel format");
                }
            }
        }
    }

    public static void OutOf(byte* source, int sourceStride, Span<byte> target, int targetStride, PixelFormat format, int width, int height)
    {
        fixed (byte* dst0 = target)
        {
            for (var y = 0; y < height; y++)
            {
                var src = source + ((long)y * sourceStride);
                var dst = dst0 + ((long)y * targetStride);
                switch (format)
                {
                    case PixelFormat.Bgra32:
                        // The canvas is opaque, so the caller's frame comes back fully opaque as well.
                        Buffer.MemoryCopy(src, dst, targetStride, width * 4L);
                        break;
                    case PixelFormat.Bgr24:
                        PackRow(src, dst, width);
                        break;
                    case PixelFormat.Gray8:
                        for (var x = 0; x < width; x++, src += 4, dst++)
                        {
                            // ITU-R BT.601 luma, in integers.
                            dst[0] = (byte)(((src[2] * 77) + (src[1] * 150) + (src[0] * 29)) >> 8);
                        }

                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(format), format, "overlay: unsupported pixel format");
                }
            }
        }
    }

    private static void ExpandRow(byte* src, byte* dst, int width)
    {
        var x = 0;

        // Each step reads 16 source bytes (5⅓ pixels) but uses 12: stop while 16 bytes still lie in the row.
        // pshufb directly: Vector128.Shuffle falls back to a slow software path unless its indices are JIT constants.
        if (Ssse3.IsSupported)
        {
            var shuffle = ExpandShuffle;
            var alpha = OpaqueAlpha;
            for (; (x * 3) + 16 <= width * 3; x += 4)
            {
                var bgr = Sse2.LoadVector128(src + (x * 3));
                Sse2.Store(dst + (x * 4), Sse2.Or(Ssse3.Shuffle(bgr, shuffle), alpha));
            }
        }

        for (; x < width; x++)
        {
            dst[x * 4] = src[x * 3];
            dst[(x * 4) + 1] = src[(x * 3) + 1];
            dst[(x * 4) + 2] = src[(x * 3) + 2];
            dst[(x * 4) + 3] = 255;
        }
    }

    private static void PackRow(byte* src, byte* dst, int width)
    {
        var x = 0;

        // Each step writes 16 bytes of which 12 are pixels; the next step overwrites the 4 spare ones, and the loop
        // stops while 16 bytes still lie in the row, so nothing past it is touched.
        if (Ssse3.IsSupported)
        {
            var shuffle = PackShuffle;
            for (; (x * 3) + 16 <= width * 3; x += 4)
            {
                Sse2.Store(dst + (x * 3), Ssse3.Shuffle(Sse2.LoadVector128(src + (x * 4)), shuffle));
            }
        }

        for (; x < width; x++)
        {
            dst[x * 3] = src[x * 4];
            dst[(x * 3) + 1] = src[(x * 4) + 1];
            dst[(x * 3) + 2] = src[(x * 4) + 2];
        }
    }
}
