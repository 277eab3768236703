namespace ValgusVision.App.Evaluation;

/// <summary>Where a clip's truth lives: <c>&lt;name&gt;.truth.csv</c> beside it (samples/README.md).</summary>
public static class TruthFiles
{
    public const string Suffix = ".truth.csv";

    public static string PathFor(string clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        string directory = Path.GetDirectoryName(clip) ?? string.Empty;
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(clip) + Suffix);
    }
}
