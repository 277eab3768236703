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
        double a = tensorToFrame[0], b = tensorToFrame[1], c = tensorToFrame[2];
        double d = tensorToFrame[3], e = tensorToFrame[4], f = tensorToFrame[5];
        float border = offset; // a 0 sample, scaled
        int maxX = width - 1, maxY = height - 1;
        int red = channels == 1 ? 0 : 2, blue = 0;

        fixed (float* dstBase = tensor)
        {
            float* dst = dstBase;
            for (int v = 0; v < size; v++)
            {
                double rowX = b * v + c, rowY = e * v + f;
                for (int u = 0; u < size; u++, dst += 3)
                {
                    double sx = a * u + rowX, sy = d * u + rowY;

                    // GL's test is on the normalised coordinate (s + 0.5) / extent outside [0, 1].
                    if (zeroBorder && (sx < -0.5 || sx > maxX + 0.5 || sy < -0.5 || sy > maxY + 0.5))
                    {
                        dst[0] = border;
                        dst[1] = border;
                        dst[2] = border;
                        continue;
                    }

                    double cx = sx < 0 ? 0 : sx > maxX ? maxX : sx;
                    double cy = sy < 0 ? 0 : sy > maxY ? maxY : sy;
                    int x0 = (int)cx, y0 = (int)cy;
                    float fx = (float)(cx - x0), fy = (float)(cy - y0);
                    int x1 = x0 < maxX ? x0 + 1 : x0;
                    byte* row0 = basePtr + y0 * step;
                    byte* row1 = y0 < maxY ? row0 + step : row0;
                    byte* p00 = row0 + x0 * channels, p01 = row0 + x1 * channels;
                    byte* p10 = row1 + x0 * channels, p11 = row1 + x1 * channels;
                    float w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;

                    // BGR(A) or gray in, RGB out.
                    dst[0] = (p00[red] * w00 + p01[red] * w01 + p10[red] * w10 + p11[red] * w11) * scale + offset;
                    if (channels == 1)
                    {
                        dst[1] = dst[0];
                        dst[2] = dst[0];
                        continue;
                    }

                    dst[1] = (p00[1] * w00 + p01[1] * w01 + p10[1] * w10 + p11[1] * w11) * scale + offset;
                    dst[2] = (p00[blue] * w00 + p01[blue] * w01 + p10[blue] * w10 + p11[blue] * w11) * scale + offset;
                }
            }
        }
    }
}
