using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// Expands a batch's folders and patterns into a sorted list of videos and gives each its output place: the folder
/// structure under the searched folder is mirrored under the output folder (so subject1/trial1.mp4 and
/// subject2/trial1.mp4 do not collide).
/// </summary>
public static class BatchPlanner
{
    public static IReadOnlyList<BatchItem> Plan(IReadOnlyList<string> inputs, string outputDirectory)
    {
        var items = new List<BatchItem>();
        foreach (var input in inputs)
        {
            string root = RootOf(input);
            foreach (var file in InputPaths.Expand([input], videosOnly: Directory.Exists(input)))
            {
                string label = Path.GetRelativePath(root, file).Replace('\\', '/');
                string relativeDir = Path.GetDirectoryName(label) ?? "";
                items.Add(new BatchItem(file, label, new OutputPaths(Path.Combine(outputDirectory, relativeDir), OutputPaths.NameFor(file))));
            }
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Label, b.Label));
        return Disambiguate(items);
    }

    /// <summary>trial.mp4 and trial.mov in one folder would share outputs; such inputs keep their extension in the name.</summary>
    private static List<BatchItem> Disambiguate(List<BatchItem> items)
    {
        var clashes = items.GroupBy(i => i.Paths.CompletionMarker, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        return items
            .DistinctBy(i => Path.GetFullPath(i.Input))
            .Select(i => clashes.Contains(i)
                ? i with { Paths = i.Paths with { Name = Path.GetFileName(i.Input).Replace('.', '-') } }
                : i)
            .ToList();
    }

    private static string RootOf(string input)
    {
        if (Directory.Exists(input))
        {
            return input;
        }

        string normalized = input.Replace('\\', '/');
        int wild = normalized.IndexOfAny(['*', '?']);
        int cut = normalized.LastIndexOf('/', wild < 0 ? normalized.Length - 1 : wild);
        return cut < 0 ? "." : (cut == 0 ? "/" : normalized[..cut]);
    }
}
