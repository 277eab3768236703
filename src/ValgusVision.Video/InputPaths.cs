using System.Text;
using System.Text.RegularExpressions;

namespace ValgusVision.Video;

/// <summary>
/// Turns what the user typed (files, folders, glob patterns such as <c>trials/**/*.mp4</c>) into a sorted list of
/// files. Folders are searched recursively for images and videos. The order is ordinal by full path so that every
/// machine of a sharded batch sees the same list.
/// </summary>
public static class InputPaths
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs, bool videosOnly = false)
    {
        var result = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(p => videosOnly ? MediaFileTypes.IsVideo(p) : MediaFileTypes.IsMedia(p))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new FileNotFoundException($"input '{input}': the folder holds no {(videosOnly ? "videos" : "images or videos")}");
                }

                result.AddRange(found);
            }
            else if (input.IndexOfAny(['*', '?']) >= 0)
            {
                var found = Glob(input);
                if (found.Count == 0)
                {
                    throw new FileNotFoundException($"input '{input}': no file matches this pattern");
                }

                result.AddRange(found);
            }
            else
            {
                result.Add(input);
            }
        }

        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Files matching <paramref name="pattern"/>: <c>*</c> and <c>?</c> within a name, <c>**</c> across folders.</summary>
    public static IReadOnlyList<string> Glob(string pattern)
    {
        string normalized = pattern.Replace('\\', '/');
        int firstWild = normalized.IndexOfAny(['*', '?']);
        int rootEnd = normalized.LastIndexOf('/', firstWild);
        string root = rootEnd < 0 ? "." : (rootEnd == 0 ? "/" : normalized[..rootEnd]);
        string relativePattern = rootEnd < 0 ? normalized : normalized[(rootEnd + 1)..];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var regex = new Regex("^" + ToRegex(relativePattern) + "$", RegexOptions.CultureInvariant);
        bool recursive = relativePattern.Contains("**", StringComparison.Ordinal) || relativePattern.Contains('/', StringComparison.Ordinal);
        return Directory.EnumerateFiles(root, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(p => regex.IsMatch(Path.GetRelativePath(root, p).Replace('\\', '/')))
            .Select(p => rootEnd < 0 ? Path.GetRelativePath(".", p) : p)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                // "**/" matches zero or more folders; a bare "**" anything at all.
                bool slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.ToString();
    }
}
