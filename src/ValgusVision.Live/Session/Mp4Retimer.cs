using System.Buffers.Binary;

namespace ValgusVision.Live.Session;

/// <summary>
/// Gives an MP4's single video track the frames' real timestamps. A live session records only the frames it
/// processed, at whatever rate the machine managed (15 fps, then 9 while busy), but ffmpeg's raw-video pipe knows no
/// timestamps and encodes them at a constant nominal rate: a 4.93 s session became a 4.3 s video at 30 fps. Here the
/// track's sample table (<c>stts</c>: one duration per frame) and the durations in <c>mvhd</c>, <c>tkhd</c>,
/// <c>mdhd</c> and the edit list are rewritten from the capture times, so frame n plays at its own time and the video
/// lasts as long as the session. Works on a non-fragmented MP4 whose <c>moov</c> is the file's last box (ffmpeg's
/// default, without +faststart) and has no B-frames: the sample data's offsets then do not move, and decoding order
/// is showing order.
/// </summary>
public static class Mp4Retimer
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "edts"];

    /// <summary>
    /// Rewrites <paramref name="path"/> in place so sample i starts at <paramref name="times"/>[i] − times[0] seconds.
    /// </summary>
    /// <exception cref="InvalidDataException">Not an MP4 this can retime (fragmented, moov not last, more than one
    /// track, or a sample count other than the number of times).</exception>
    public static void Retime(string path, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0)
        {
            throw new ArgumentException("no frame times", nameof(times));
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var (moovOffset, moovSize) = FindLastTopLevelMoov(file);
        var moov = new byte[moovSize];
        file.Position = moovOffset;
        file.ReadExactly(moov);

        var found = new Found();
        Scan(moov, 8, moov.Length, found);
        if (found.Traks != 1 || found.MovieTimescale == 0 || found.MediaTimescale == 0 || found.SampleCount is not { } samples)
        {
            throw new InvalidDataException($"{path}: not a single-track MP4 with a sample table");
        }

        // B-frames show in another order than they are decoded (ctts); the live recording has none (zerolatency).
        if (found.CompositionOffsets)
        {
            throw new InvalidDataException($"{path}: has B-frames (composition offsets), which this does not retime");
        }

        if (samples != times.Count)
        {
            throw new InvalidDataException($"{path}: {samples} frames in the video, {times.Count} frame times");
        }

        var deltas = Deltas(times, found.MediaTimescale);
        long mediaDuration = deltas.Sum(d => (long)d);
        long movieDuration = (long)Math.Round(mediaDuration * (double)found.MovieTimescale / found.MediaTimescale);
        byte[] rebuilt = Rewrite(moov, new Durations(mediaDuration, movieDuration, Stts(deltas)));
        file.Position = moovOffset;
        file.Write(rebuilt);
        file.SetLength(moovOffset + rebuilt.Length);
    }

    /// <summary>Per-frame durations in media ticks; the last frame lasts as long as the one before it.</summary>
    internal static uint[] Deltas(IReadOnlyList<double> times, uint timescale)
    {
        var deltas = new uint[times.Count];
        long previous = 0;
        for (int i = 1; i < times.Count; i++)
        {
            // Ticks from the first frame; never two frames at one tick (a sample needs a duration of at least 1).
            long ticks = Math.Max(previous + 1, (long)Math.Round((times[i] - times[0]) * timescale));
            deltas[i - 1] = (uint)(ticks - previous);
            previous = ticks;
        }

        deltas[^1] = times.Count > 1 ? deltas[^2] : Math.Max(1u, timescale / 30);
        return deltas;
    }

    private static (long Offset, int Size) FindLastTopLevelMoov(FileStream file)
    {
        long position = 0, moov = -1;
        int moovSize = 0;
        bool moovLast = false;
        Span<byte> header = stackalloc byte[16];
        while (position + 8 <= file.Length)
        {
            file.Position = position;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            string type = System.Text.Encoding.ASCII.GetString(header[4..8]);
            if (size == 1)
            {
                file.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..16]);
            }
            else if (size == 0)
            {
                size = file.Length - position;
            }

            if (size < 8)
            {
                throw new InvalidDataException($"{file.Name}: damaged box at byte {position}");
            }

            if (type == "moof")
            {
                throw new InvalidDataException($"{file.Name}: fragmented MP4");
            }

            moovLast = type == "moov";
            if (moovLast)
            {
                moov = position;
                moovSize = checked((int)size);
            }

            position += size;
        }

        return moov >= 0 && moovLast ? (moov, moovSize) : throw new InvalidDataException($"{file.Name}: the moov box is not the last one");
    }

    private sealed class Found
    {
        public int Traks;
        public uint MovieTimescale;
        public uint MediaTimescale;
        public uint? SampleCount;
        public bool CompositionOffsets;
    }

    private sealed record Durations(long Media, long Movie, byte[] Stts);

    private static IEnumerable<(int Start, int Size, string Type)> Children(byte[] data, int from, int to)
    {
        int position = from;
        while (position + 8 <= to)
        {
            int size = checked((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(position)));
            if (size < 8 || position + size > to)
            {
                throw new InvalidDataException($"damaged box inside moov at byte {position}");
            }

            yield return (position, size, System.Text.Encoding.ASCII.GetString(data, position + 4, 4));
            position += size;
        }
    }

    private static void Scan(byte[] data, int from, int to, Found found)
    {
        foreach (var (start, size, type) in Children(data, from, to))
        {
            var body = data.AsSpan(start + 8, size - 8);
            switch (type)
            {
                case "trak":
                    found.Traks++;
                    break;
                case "mvhd":
                    found.MovieTimescale = BinaryPrimitives.ReadUInt32BigEndian(body[(body[0] == 1 ? 20 : 12)..]);
                    break;
                case "mdhd":
                    found.MediaTimescale = BinaryPrimitives.ReadUInt32BigEndian(body[(body[0] == 1 ? 20 : 12)..]);
                    break;
                case "ctts":
                    found.CompositionOffsets = true;
                    break;
                case "stsz":
                    found.SampleCount = BinaryPrimitives.ReadUInt32BigEndian(body[8..]);
                    break;
            }

            if (Containers.Contains(type))
            {
                Scan(data, start + 8, start + size, found);
            }
        }
    }

    /// <summary>A copy of the box at data[0..] with the new durations and sample table; parents' sizes follow.</summary>
    private static byte[] Rewrite(byte[] box, Durations durations)
    {
        using var output = new MemoryStream(box.Length + durations.Stts.Length);
        output.Write(box, 0, 8);
        foreach (var (start, size, type) in Children(box, 8, box.Length))
        {
            if (type == "stts")
            {
                output.Write(durations.Stts);
                continue;
            }

            var child = box.AsSpan(start, size).ToArray();
            if (Containers.Contains(type))
            {
                child = Rewrite(child, durations);
            }
            else
            {
                Patch(child, type, durations);
            }

            output.Write(child);
        }

        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(result, checked((uint)result.Length));
        return result;
    }

    /// <summary>The duration fields: movie timescale in mvhd, tkhd and the edit list, media timescale in mdhd.</summary>
    private static void Patch(byte[] box, string type, Durations durations)
    {
        var body = box.AsSpan(8);
        bool v1 = body.Length > 0 && body[0] == 1;
        switch (type)
        {
            case "mvhd":
            case "mdhd":
                WriteDuration(body[(v1 ? 24 : 16)..], v1, type == "mvhd" ? durations.Movie : durations.Media);
                break;
            case "tkhd":
                WriteDuration(body[(v1 ? 28 : 20)..], v1, durations.Movie);
                break;
            case "elst":
                // One edit covering the whole track (ffmpeg's, without B-frames): its length is the movie's.
                if (BinaryPrimitives.ReadUInt32BigEndian(body[4..]) == 1)
                {
                    WriteDuration(body[8..], v1, durations.Movie);
                }

                break;
        }
    }

    private static void WriteDuration(Span<byte> at, bool v1, long value)
    {
        if (v1)
        {
            BinaryPrimitives.WriteUInt64BigEndian(at, (ulong)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(at, checked((uint)value));
        }
    }

    /// <summary>An stts box: runs of equal durations.</summary>
    private static byte[] Stts(uint[] deltas)
    {
        var runs = new List<(uint Count, uint Delta)>();
        foreach (var d in deltas)
        {
            if (runs.Count > 0 && runs[^1].Delta == d)
            {
                runs[^1] = (runs[^1].Count + 1, d);
            }
            else
            {
                runs.Add((1, d));
            }
        }

        var box = new byte[16 + (8 * runs.Count)];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        "stts"u8.CopyTo(box.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(box.AsSpan(12), (uint)runs.Count);
        for (int i = 0; i < runs.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(box.AsSpan(16 + (8 * i)), runs[i].Count);
            BinaryPrimitives.WriteUInt32BigEndian(box.AsSpan(20 + (8 * i)), runs[i].Delta);
        }

        return box;
    }
}
