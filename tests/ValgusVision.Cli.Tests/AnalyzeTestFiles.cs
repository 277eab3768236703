namespace ValgusVision.Cli.Tests;

/// <summary>Paths for the analyze/batch command tests: the repository's models and a scratch folder.</summary>
internal sealed class AnalyzeTestFiles : IDisposable
{
    public AnalyzeTestFiles()
    {
        Directory.CreateDirectory(Scratch);
        // The commands find the models like the engine does; point them at the repository's, wherever the tests run.
        Environment.SetEnvironmentVariable("VALGUS_MODELS_DIR", TestPaths.Models);
    }

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
}
