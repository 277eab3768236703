using OpenCvSharp;
using OpenCvSharp.Internal;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Runtime;

/// <summary>
/// ImageToTensor (docs/pose-pipeline.md#detector-input and #landmark-model): the rotated ROI of a uint8 frame, mapped by the transform that takes its
/// box corners (bottom-left, top-left, top-right, bottom-right) onto the tensor corners, as RGB floats
/// v = p·scale + offset in an NHWC buffer. <see cref="CropSampling.CornerAligned"/> is MediaPipe's CPU converter:
/// OpenCV's warpPerspective (INTER_LINEAR on uint8), then the conversion. <see cref="CropSampling.PixelCentres"/> is
/// its GPU converter: float bilinear samples at pixel centres (<see cref="TextureSampler"/>). One cropper per tensor
/// size: it owns the warped image and the matrix, and reuses OpenCV's array wrappers, so a crop allocates nothing.
/// </summary>
public sealed class RoiCropper : IDisposable
{
    private readonly int _size;
    private readonly BorderTypes _border;
    private readonly CropSampling _sampling;
    private readonly float _scale, _offset;

    /// <summary>p·scale + offset for every byte value p, computed once with the same float arithmetic.</summary>
    private readonly float[] _valueOf = new float[256];
    private readonly Mat _matrix = new(3, 3, MatType.CV_64FC1, Scalar.All(0));
    private readonly InputArray _matrixIn;
    private Mat? _warped;
    private OutputArray? _warpedOut;

    /// <param name="size">The square tensor side (224 for the detector, 256 for landmarks).</param>
    /// <param name="border">Constant (0) for the detector, Replicate for the landmark crop.</param>
    /// <param name="scale">Multiplier of the 0–255 pixel value.</param>
    /// <param name="offset">Added after scaling: [-1, 1] is scale 2/255, offset −1; [0, 1] is 1/255, 0.</param>
    public RoiCropper(int size, BorderTypes border, float scale, float offset, CropSampling sampling = CropSampling.CornerAligned)
    {
        _sampling = sampling;
        _scale = scale;
        _offset = offset;
        _size = size;
        _border = border;
        for (int p = 0; p < 256; p++)
        {
            _valueOf[p] = p * scale + offset;
        }

        _matrixIn = InputArray.Create(_matrix);
    }

    public int Size => _size;

    /// <summary>Crops <paramref name="roi"/> (pixels) from <paramref name="source"/> into <paramref name="tensor"/> [size, size, 3].</summary>
    /// <param name="mirrored">Mirror the crop left–right about the ROI's centre (flip averaging).</param>
    public void Crop(FrameImage source, in RotatedRoi roi, Span<float> tensor, bool mirrored = false)
    {
        if (tensor.Length < _size * _size * 3)
        {
            throw new ArgumentException($"tensor buffer of {tensor.Length} floats is smaller than {_size}×{_size}×3");
        }

        WriteMatrix(roi, mirrored);
        if (_sampling == CropSampling.PixelCentres)
        {
            CropLikeGpu(source, tensor);
            return;
        }

        EnsureWarped(source.Mat.Type());
        // The native call directly: Cv2.WarpPerspective disposes its OutputArray after each call, and wrapping the
        // Mats anew every frame would allocate. The output Mat already has its size and type, so OpenCV writes in place.
        NativeMethods.HandleException(NativeMethods.imgproc_warpPerspective_MisInputArray(
            source.Input.CvPtr, _warpedOut!.CvPtr, _matrixIn.CvPtr, new Size(_size, _size), (int)InterpolationFlags.Linear, (int)_border, Scalar.All(0)));
        GC.KeepAlive(source);
        ConvertToRgbFloats(tensor);
    }

    /// <summary>The 3×3 matrix from frame pixels to tensor pixels for <paramref name="roi"/> (row-major).</summary>
    public static void ComputeMatrix(in RotatedRoi roi, int size, Span<double> m, CropSampling sampling = CropSampling.CornerAligned)
    {
        // OpenCV's RotatedRect::points in float, angle in degrees, as MediaPipe builds its source corners.
        float angle = roi.RotationRadians * 180f / MathF.PI;
        double radians = angle * Math.PI / 180.0;
        float b = (float)Math.Cos(radians) * 0.5f;
        float a = (float)Math.Sin(radians) * 0.5f;
        float cx = roi.CenterX, cy = roi.CenterY, w = roi.Width, h = roi.Height;
        float p0x = cx - a * h - b * w, p0y = cy + b * h - a * w; // bottom-left → (0, size)
        float p1x = cx + a * h - b * w, p1y = cy - b * h - a * w; // top-left → (0, 0)
        float p2x = 2 * cx - p0x, p2y = 2 * cy - p0y;             // top-right → (size, 0)

        // The ROI is a rectangle, so the perspective transform through the 4 corners is exactly affine:
        // u measures along top-left→top-right, v along top-left→bottom-left.
        double ex = p2x - p1x, ey = p2y - p1y;
        double fx = p0x - p1x, fy = p0y - p1y;
        double e2 = ex * ex + ey * ey, f2 = fx * fx + fy * fy;
        m[0] = size * ex / e2;
        m[1] = size * ey / e2;
        m[2] = -(m[0] * p1x + m[1] * p1y);
        m[3] = size * fx / f2;
        m[4] = size * fy / f2;
        m[5] = -(m[3] * p1x + m[4] * p1y);
        m[6] = 0;
        m[7] = 0;
        m[8] = 1;

        if (sampling == CropSampling.PixelCentres)
        {
            // Pixel centres to pixel centres: t + 0.5 = M·(s + 0.5), so only the translation changes.
            m[2] += 0.5 * (m[0] + m[1]) - 0.5;
            m[5] += 0.5 * (m[3] + m[4]) - 0.5;
        }
    }

    public void Dispose()
    {
        _matrixIn.Dispose();
        _matrix.Dispose();
        _warpedOut?.Dispose();
        _warped?.Dispose();
    }

    private unsafe void WriteMatrix(in RotatedRoi roi, bool mirrored)
    {
        var m = new Span<double>((void*)_matrix.DataPointer, 9);
        ComputeMatrix(roi, _size, m, _sampling);
        if (mirrored)
        {
            // u' = c − u, with c chosen so that the tensor column sampling ROI position p now samples 1 − p: the mirror
            // about the ROI's centre under either sampling convention, so a landmark at x in the mirrored crop is at
            // 1 − x in the plain one (CornerAligned samples position u/size, PixelCentres (u + 0.5)/size).
            double c = _sampling == CropSampling.PixelCentres ? _size - 1 : _size;
            m[0] = -m[0];
            m[1] = -m[1];
            m[2] = c - m[2];
        }
    }

    /// <summary>The GPU converter's float sampling, through the inverse of the matrix just written.</summary>
    private unsafe void CropLikeGpu(FrameImage source, Span<float> tensor)
    {
        var m = new ReadOnlySpan<double>((void*)_matrix.DataPointer, 9);
        double det = m[0] * m[4] - m[1] * m[3];
        Span<double> inverse = stackalloc double[6];
        inverse[0] = m[4] / det;
        inverse[1] = -m[1] / det;
        inverse[3] = -m[3] / det;
        inverse[4] = m[0] / det;
        inverse[2] = -(inverse[0] * m[2] + inverse[1] * m[5]);
        inverse[5] = -(inverse[3] * m[2] + inverse[4] * m[5]);
        TextureSampler.Crop(source.Mat, inverse, _size, _border == BorderTypes.Constant, _scale, _offset, tensor);
        GC.KeepAlive(source);
    }

    private void EnsureWarped(MatType type)
    {
        if (_warped is not null && _warped.Type() == type)
        {
            return;
        }

        _warpedOut?.Dispose();
        _warped?.Dispose();
        _warped = new Mat(_size, _size, type);
        _warpedOut = OutputArray.Create(_warped);
    }

    private unsafe void ConvertToRgbFloats(Span<float> tensor)
    {
        Mat warped = _warped!;
        int channels = warped.Channels();
        long step = warped.Step();
        byte* basePtr = (byte*)warped.DataPointer;
        int size = _size;
        fixed (float* lut = _valueOf)
        fixed (float* dstBase = tensor)
        {
            float* dst = dstBase;
            for (int y = 0; y < size; y++)
            {
                byte* px = basePtr + y * step;
                if (channels == 1)
                {
                    for (int x = 0; x < size; x++, px++, dst += 3)
                    {
                        float v = lut[*px];
                        dst[0] = v;
                        dst[1] = v;
                        dst[2] = v;
                    }
                }
                else
                {
                    // BGR or BGRA in, RGB out (the models were trained on RGB).
                    for (int x = 0; x < size; x++, px += channels, dst += 3)
                    {
                        dst[0] = lut[px[2]];
                        dst[1] = lut[px[1]];
                        dst[2] = lut[px[0]];
                    }
                }
            }
        }
    }
}
