namespace ValgusVision.Cli.Tests;

/// <summary>Paths for the analyze/batch command tests: the shared test data beside the repository and a scratch folder.</summary>
internal sealed class AnalyzeTestFiles : IDisposable
{
    public AnalyzeTestFiles()
    {
        Directory.CreateDirectory(Scratch);
        // The commands find the models like the engine does; point them at the repository's, wherever the tests run.
        Environment.SetEnvironmentVariable("VALGUS_MODELS_DIR", Path.Combine(RepoRoot, "models"));
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TestData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "testdata"));

    public string Scratch { get; } = Path.Combine(Path.GetTempPath(), "valgus-cli-analyze-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(Scratch, name);

    public static async Task<(int Code, string Error)> Run(params string[] args)
    {
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, error);
        return (code, error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(ThisFile())! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "ValgusVision.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("ValgusVision.sln not found above the test assembly");
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
