namespace ValgusVision.Rendering.Reports;

/// <summary>The JSON Schema (draft 2020-12) of report.json, shipped inside this assembly.</summary>
public static class ReportSchema
{
    private static readonly Lazy<string> Text = new(Load);

    public static string Json => Text.Value;

    private static string Load()
    {
        using var stream = typeof(ReportSchema).Assembly.GetManifestResourceStream("ValgusVision.Rendering.report.schema.json")
            ?? throw new InvalidOperationException("report.schema.json is missing from the ValgusVision.Rendering assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
