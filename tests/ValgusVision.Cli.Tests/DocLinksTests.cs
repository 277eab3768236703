using System.Text.RegularExpressions;

namespace ValgusVision.Cli.Tests;

/// <summary>
/// The docs and READMEs a user reads in a clone point only at files in that clone: every relative markdown link and
/// every backticked `../` path resolves to a file or folder inside the repository, and nothing names the design
/// folder that lives beside the repository (a clone has none).
/// </summary>
public sealed partial class DocLinksTests
{
    [Fact]
    public void Docs_and_readmes_link_only_to_files_inside_the_repository()
    {
        var problems = new List<string>();
        foreach (string file in UserDocs())
        {
            string folder = Path.GetDirectoryName(file)!;
            string name = Path.GetRelativePath(TestPaths.RepoRoot, file);
            string text = File.ReadAllText(file);
            foreach (Match link in MarkdownLink().Matches(text))
            {
                string target = link.Groups["target"].Value;
                if (!IsExternal(target) && Resolve(folder, target) is { } problem)
                {
                    problems.Add($"{name}: link '{target}' {problem}");
                }
            }

            foreach (Match path in BacktickedParentPath().Matches(text))
            {
                if (Resolve(folder, path.Groups["path"].Value) is { } problem)
                {
                    problems.Add($"{name}: path '{path.Groups["path"].Value}' {problem}");
                }
            }

            if (text.Contains("shared/design", StringComparison.Ordinal) || text.Contains("../shared/", StringComparison.Ordinal))
            {
                problems.Add($"{name}: names the shared design folder beside the repository");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_check_finds_a_link_outside_the_repository()
    {
        string docs = Path.Combine(TestPaths.RepoRoot, "docs");
        Assert.NotNull(Resolve(docs, "../../elsewhere/METRICS.md"));
        Assert.NotNull(Resolve(docs, "no-such-page.md"));
        Assert.Null(Resolve(docs, "metrics.md#depth-and-reps"));
        Assert.Contains(UserDocs(), f => f.EndsWith(Path.Combine("docs", "metrics.md"), StringComparison.Ordinal));
    }

    /// <summary>Every .md under docs/ and every README.md in the repository (build output and git's folder left out).</summary>
    private static List<string> UserDocs()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md", SearchOption.AllDirectories).ToList();
        files.AddRange(Directory.EnumerateFiles(TestPaths.RepoRoot, "README.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(TestPaths.RepoRoot, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" or ".git" or "node_modules" or "artifacts")));
        return files;
    }

    private static bool IsExternal(string target) =>
        target.StartsWith('#') || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal);

    /// <summary>Null when the target (anchor dropped) exists inside the repository; else what is wrong with it.</summary>
    private static string? Resolve(string folder, string target)
    {
        string path = target.Split('#')[0];
        if (path.Length == 0)
        {
            return null;
        }

        string full = Path.GetFullPath(Path.Combine(folder, path));
        string root = TestPaths.RepoRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            return "points outside the repository";
        }

        return File.Exists(full) || Directory.Exists(full) ? null : "does not exist";
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"`(?<path>\.\./[^`\s]*)`")]
    private static partial Regex BacktickedParentPath();
}
