namespace ValgusVision.App.Tests;

/// <summary>Inputs made on the fly in a scratch folder (never copied into the repository).</summary>
internal static class Clips
{
    /// <summary>ffmpeg's test pattern: moving colour bars, no person anywhere.</summary>
    public static string NoPerson(ScratchFolder dir, int frames = 6)
    {
        string path = dir.File("bars.mp4");
        ScratchFolder.Ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30", "-frames:v", frames.ToString(),
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", path);
        return path;
    }

    /// <summary>The real 30 fps test video re-encoded with its moov atom first and then cut in half.</summary>
    public static string Truncated(ScratchFolder dir)
    {
        string whole = dir.File("whole.mp4");
        ScratchFolder.Ffmpeg("-stream_loop", "5", "-i", TestPaths.Video("soccer-3people-5frames.mp4"), "-c:v", "libx264", "-g", "5",
            "-pix_fmt", "yuv420p", "-movflags", "+faststart", whole);
        string cut = dir.File("cut.mp4");
        byte[] bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 6 / 10)]);
        return cut;
    }

    /// <summary>A link to a committed test video (tests/data/mmpose) under a new name, for batch folders (no copy of the data).</summary>
    public static string Link(ScratchFolder dir, string relative, string video)
    {
        string path = dir.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, TestPaths.Video(video));
        return path;
    }
}
