namespace ValgusVision.Benchmarks;

/// <summary>Finds the repository (the folder holding ValgusVision.sln) from the working directory or the binaries.</summary>
internal static class PoseBenchmarkPaths
{
    public static string RepoRoot()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("run the benchmarks from inside the repository (no ValgusVision.sln found above the working directory)");
    }
}
