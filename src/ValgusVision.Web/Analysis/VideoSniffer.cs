namespace ValgusVision.Web.Analysis;

/// <summary>
/// Tells a video container from its first bytes, never from the name or type the browser claims: MP4/MOV (an ISO
/// base media box at the start), Matroska/WebM (EBML header), AVI (RIFF … AVI). Returns the extension the server
/// stores it under, or null.
/// </summary>
public static class VideoSniffer
{
    public const int HeaderLength = 12;

    private static readonly string[] IsoBoxes = ["ftyp", "moov", "mdat", "free", "skip", "wide", "pnot"];

    public static string? Extension(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3)
        {
            return ".mkv";
        }

        if (head.Length >= 12 && Ascii(head[..4]) == "RIFF" && Ascii(head[8..12]) == "AVI ")
        {
            return ".avi";
        }

        if (head.Length >= 8 && IsoBoxes.Contains(Ascii(head[4..8])))
        {
            return Ascii(head[4..8]) == "ftyp" && head.Length >= 12 && Ascii(head[8..12]) == "qt  " ? ".mov" : ".mp4";
        }

        return null;
    }

    private static string Ascii(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '?';
        }

        return new string(chars);
    }
}
