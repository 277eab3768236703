namespace ValgusVision.Pose;

/// <summary>How a crop's pixels sample the frame; MediaPipe's CPU and GPU image-to-tensor converters differ here.</summary>
public enum CropSampling
{
    /// <summary>
    /// MediaPipe's CPU converter (docs/pose-pipeline.md#detector-input): warpPerspective maps the ROI corners onto the tensor corners, so
    /// tensor pixel x samples the frame at roi_left + x·scale (pixel indices, no half-pixel centres).
    /// </summary>
    CornerAligned = 0,

    /// <summary>
    /// MediaPipe's GPU converter, which its web (WASM + WebGL) solution uses: the ROI is drawn as a textured quad, so
    /// pixel centres map to pixel centres: tensor pixel x samples at roi_left + (x + 0.5)·scale − 0.5, bilinearly in
    /// float (no 1/32-pixel grid, no rounding to 8 bits; <see cref="Runtime.TextureSampler"/>). The crop moves by half
    /// a tensor pixel minus half a frame pixel (about 0.5–1.7 frame pixels at 224/256 tensors).
    /// </summary>
    PixelCentres = 1,
}
