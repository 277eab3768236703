using System.Text.RegularExpressions;
using ValgusVision.Domain.Pose;
using ValgusVision.Tests.Support;

namespace ValgusVision.Domain.Tests;

/// <summary>
/// The Domain assembly's layering, read from its sources: which Domain namespace names which (a <c>using</c> line, a
/// qualified name in code such as <c>Ankle.AnkleLungeAnalyzer</c>, or a qualified <c>cref</c>), with no cycle between
/// them, and no using of the imaging, inference or drawing libraries. A cycle means two namespaces can only be
/// understood (and changed) together; the pure Domain is meant to be read bottom-up.
/// </summary>
public partial class NamespaceDependencyTests
{
    private const string Root = "ValgusVision.Domain";

    private static readonly string[] ForbiddenPrefixes = ["OpenCvSharp", "Microsoft.ML", "SkiaSharp"];

    [Fact]
    public void Domain_namespaces_form_no_cycle()
    {
        var graph = ReadGraph();
        var cycle = FindCycle(graph.ToDictionary(p => p.Key, p => (IReadOnlyCollection<string>)p.Value.Keys));
        Assert.True(cycle is null, cycle is null ? string.Empty : Describe(cycle, graph));
    }

    [Fact]
    public void The_reader_sees_the_known_layers()
    {
        // Guards the reader itself: if it stopped seeing dependencies, the no-cycle test would pass vacuously.
        var graph = ReadGraph();
        Assert.Contains("Pose", graph["Analysis"].Keys);
        Assert.Contains("Ankle", graph["Analysis"].Keys); // a qualified name without a using: Ankle.AnkleLungeAnalyzer
        Assert.Contains("Pose", graph["Refinement"].Keys);
        Assert.Contains("Signals", graph["Ankle"].Keys);
        Assert.True(graph.Count >= 8, string.Join(", ", graph.Keys));
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle()
    {
        var graph = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };
        var cycle = FindCycle(graph);
        Assert.NotNull(cycle);
        Assert.Equal(["A", "B", "C"], cycle!.Order());
        Assert.Null(FindCycle(new Dictionary<string, IReadOnlyCollection<string>> { ["A"] = ["B"], ["B"] = [] }));
    }

    [Fact]
    public void Domain_uses_no_imaging_inference_or_drawing_library()
    {
        var offending = SourceFiles()
            .SelectMany(f => File.ReadLines(f).Select(line => (File: f, Line: line.Trim())))
            .Where(l => UsingLine().Match(l.Line) is { Success: true } m
                && ForbiddenPrefixes.Any(p => m.Groups["ns"].Value.StartsWith(p, StringComparison.Ordinal)))
            .Select(l => $"{Relative(l.File)}: {l.Line}")
            .ToList();
        Assert.True(offending.Count == 0, string.Join(Environment.NewLine, offending));

        var referenced = typeof(PoseFrame).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(n => ForbiddenPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        Assert.True(referenced.Count == 0, "the Domain assembly references " + string.Join(", ", referenced));
    }

    /// <summary>Namespace (below ValgusVision.Domain) → the namespaces it names → one file that names each.</summary>
    private static Dictionary<string, Dictionary<string, string>> ReadGraph()
    {
        var files = SourceFiles().Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        var typesByNamespace = new Dictionary<string, HashSet<string>>();
        foreach (var (_, text) in files)
        {
            var ns = NamespaceOf(text);
            if (!typesByNamespace.TryGetValue(ns, out var types))
            {
                typesByNamespace[ns] = types = [];
            }

            foreach (Match m in TypeDeclaration().Matches(text))
            {
                types.Add(m.Groups["name"].Value);
            }
        }

        var graph = typesByNamespace.Keys.ToDictionary(k => k, _ => new Dictionary<string, string>());
        foreach (var (path, text) in files)
        {
            var from = NamespaceOf(text);
            foreach (var to in Named(text, typesByNamespace))
            {
                if (to != from)
                {
                    graph[from].TryAdd(to, Relative(path));
                }
            }
        }

        return graph;
    }

    /// <summary>The Domain namespaces a file names: by using line, qualified name in code, or qualified cref.</summary>
    private static HashSet<string> Named(string text, Dictionary<string, HashSet<string>> typesByNamespace)
    {
        var named = new HashSet<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (UsingLine().Match(line) is { Success: true } u)
            {
                var ns = u.Groups["ns"].Value;
                if (ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal))
                {
                    var below = ns.Length > Root.Length ? ns[(Root.Length + 1)..] : string.Empty;
                    // A using of a type (static or alias) names the namespace that holds it.
                    named.Add(typesByNamespace.ContainsKey(below) ? below : below[..Math.Max(0, below.LastIndexOf('.'))]);
                }

                continue;
            }

            bool comment = line.StartsWith("//", StringComparison.Ordinal);
            var code = comment ? string.Join(' ', Cref().Matches(line).Select(m => m.Groups["target"].Value)) : line;
            foreach (Match m in QualifiedName().Matches(code))
            {
                var ns = m.Groups["ns"].Value;
                if (typesByNamespace.TryGetValue(ns, out var types) && types.Contains(m.Groups["type"].Value))
                {
                    named.Add(ns);
                }
            }
        }

        named.Remove(string.Empty);
        return named;
    }

    /// <summary>Some set of namespaces that depend on each other in a ring, or null when the graph has none.</summary>
    private static List<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = finished
        var path = new List<string>();
        foreach (var start in graph.Keys.Order())
        {
            if (Visit(start) is { } found)
            {
                return found;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2)
            {
                return null;
            }

            if (state.GetValueOrDefault(node) == 1)
            {
                return path[path.IndexOf(node)..];
            }

            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Order())
            {
                if (Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    private static string Describe(List<string> cycle, Dictionary<string, Dictionary<string, string>> graph) =>
        "namespace cycle: " + string.Join(" → ", cycle.Append(cycle[0]))
        + Environment.NewLine
        + string.Join(Environment.NewLine, cycle.Select((ns, i) =>
            $"  {ns} → {cycle[(i + 1) % cycle.Count]} in {graph[ns][cycle[(i + 1) % cycle.Count]]}"));

    private static string NamespaceOf(string text)
    {
        var m = FileNamespace().Match(text);
        Assert.True(m.Success, "a Domain file without a file-scoped namespace");
        var ns = m.Groups["ns"].Value;
        return ns == Root ? string.Empty : ns[(Root.Length + 1)..];
    }

    private static IEnumerable<string> SourceFiles()
    {
        var root = Path.Combine(TestPaths.RepoRoot, "src", Root);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split('/', '\\').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        return files;
    }

    private static string Relative(string path) => Path.GetRelativePath(Path.Combine(TestPaths.RepoRoot, "src", Root), path);

    [GeneratedRegex(@"^(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>[\w.]+)\s*;")]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"^namespace\s+(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"\b(?:class|struct|record|enum|interface)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(?<![\w.])(?:ValgusVision\.)?(?:Domain\.)?(?<ns>[A-Z]\w*)\.(?<type>[A-Z]\w*)\b")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"cref=""(?<target>[^""]+)""")]
    private static partial Regex Cref();
}
