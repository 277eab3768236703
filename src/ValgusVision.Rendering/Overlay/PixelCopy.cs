using ValgusVision.Domain.Pose;

namespace ValgusVision.Rendering.Overlay;

/// <summary>Moves a frame between the caller's BGR/BGRA buffer and the painter's BGRA canvas, row by row.</summary>
internal static unsafe class PixelCopy
{
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
                        for (var x = 0; x < width; x++, src += 3, dst += 4)
                        {
                            dst[0] = src[0];
                            dst[1] = src[1];
                            dst[2] = src[2];
                            dst[3] = 255;
                        }

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
                        for (var x = 0; x < width; x++, src += 4, dst += 3)
                        {
                            dst[0] = src[0];
                            dst[1] = src[1];
                            dst[2] = src[2];
                        }

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
}
