namespace ValgusVision.Video.Tests;

/// <summary>Synthetic clips made with ffmpeg's test source, each showing one property a real phone video can have.</summary>
internal static class Clips
{
    public static string Plain(ScratchFolder dir, int frames = 10, string name = "plain.mp4")
    {
        string path = dir.File(name);
        ScratchFolder.Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30", "-frames:v", frames.ToString(),
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", path);
        return path;
    }

    /// <summary>A landscape stream tagged to be shown rotated, as phones store portrait videos.</summary>
    public static string Rotated(ScratchFolder dir)
    {
        string path = dir.File("rotated.mp4");
        ScratchFolder.Ffmpeg("-i", Plain(dir), "-c", "copy", "-metadata:s:v", "rotate=90", path);
        return path;
    }

    /// <summary>Ten frames at 30 fps with a 0.2 s gap after the fifth (timestamps 0..0.133, then 0.333..0.467).</summary>
    public static string VariableFrameRate(ScratchFolder dir)
    {
        string path = dir.File("vfr.mp4");
        ScratchFolder.Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30", "-frames:v", "10",
            "-vf", "setpts='if(lt(N,5),N,N+5)/30/TB'", "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv420p", path);
        return path;
    }
}
