using System.Text.RegularExpressions;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// Code comments cite the docs as <c>docs/NAME.md#section</c> (the pose code cites docs/pose-pipeline.md, issue 21):
/// every such citation names a file in docs/ and a heading of that file, as a markdown viewer makes its anchors.
/// </summary>
public sealed partial class CodeDocLinksTests
{
    [Fact]
    public void Every_docs_citation_in_the_sources_names_a_doc_and_one_of_its_headings()
    {
        var problems = new List<string>();
        int citations = 0;
        foreach (string file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match cite in Citation().Matches(File.ReadAllText(file)))
            {
                citations++;
                string doc = TestPaths.Doc(cite.Groups["doc"].Value);
                string where = $"{Path.GetRelativePath(TestPaths.RepoRoot, file)}: {cite.Value}";
                if (!File.Exists(doc))
                {
                    problems.Add($"{where}: no such doc");
                }
                else if (cite.Groups["anchor"].Success && !Anchors(doc).Contains(cite.Groups["anchor"].Value))
                {
                    problems.Add($"{where}: no such heading");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(citations >= 20, $"only {citations} citations found: the pattern no longer matches the comments");
    }

    [Fact]
    public void Anchors_are_made_as_a_markdown_viewer_makes_them()
    {
        Assert.Equal("tracking-the-next-frames-roi", Slug("Tracking the next frame's ROI"));
        Assert.Equal("weight-bearing-lunge-test---exercise-ankle-lunge", Slug("Weight-bearing lunge test (`--exercise ankle-lunge`)"));
    }

    private static HashSet<string> Anchors(string doc) =>
        [.. File.ReadAllLines(doc).Where(l => l.StartsWith('#')).Select(l => Slug(l.TrimStart('#').Trim()))];

    /// <summary>Lower case, spaces to hyphens, everything but letters, digits, hyphens and underscores dropped.</summary>
    private static string Slug(string heading) =>
        string.Concat(heading.ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_'));

    [GeneratedRegex(@"docs/(?<doc>[a-z0-9-]+\.md)(#(?<anchor>[a-z0-9_-]+))?")]
    private static partial Regex Citation();
}
