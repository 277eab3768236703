using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using ValgusVision.Domain.Analysis;
using ValgusVision.Pose.Runtime;

namespace ValgusVision.App;

/// <summary>
/// Everything that changes an input's outputs, as name → value text, stored in its completion marker so a rerun of
/// <c>valgus batch</c> knows whether the outputs still answer the question asked now. Two parts: <see cref="Pose"/>
/// (tool version, model files, pose levers, refinement, time range: changing one means running the model again) and
/// <see cref="Analysis"/> (the analysis settings applied to the poses: changing only these is recomputed from frames.csv,
/// without the model, with a result equal to a fresh run — docs/frames-csv.md).
/// </summary>
public sealed record ResumeKey(IReadOnlyDictionary<string, string> Pose, IReadOnlyDictionary<string, string> Analysis)
{
    // SHA-256 of a model file, once per file version per process (a batch builds one key, each job another).
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), string> Hashes = new();

    /// <summary>The version of the tool that wrote the outputs (with its commit), so a changed pose engine is never trusted.</summary>
    public static string ToolVersion { get; } =
        typeof(ResumeKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static ResumeKey For(AnalyzeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = CultureInfo.InvariantCulture;
        var pose = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["version"] = ToolVersion,
            ["model"] = options.Model.Name,
            ["device"] = options.Model.Device.ToString().ToLowerInvariant(),
            ["landmark model file"] = FileIdentity(() => options.Model.LandmarkModelPath ?? PoseModels.Locate(PoseModels.LandmarkFileName(options.Model.Kind), null)),
            ["detector model file"] = FileIdentity(() => PoseModels.Locate(PoseModels.DetectorFileName, null)),
            ["refine"] = options.Refine.ToString().ToLowerInvariant(),
            ["start"] = options.Range.StartSeconds?.ToString("R", c) ?? "",
            ["end"] = options.Range.EndSeconds?.ToString("R", c) ?? "",
        };
        foreach (var (name, value) in Properties(options.Levers))
        {
            pose["pose " + name] = value;
        }

        var analysis = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Properties(options.Settings))
        {
            analysis[OptionName(name)] = value;
        }

        // The names on the report's first page: another name changes the reports, not the poses.
        analysis["client"] = options.Session.Client ?? "";
        analysis["clinician"] = options.Session.Clinician ?? "";
        if (options.Session.RecordedAt is { } recorded)
        {
            // Only when given, so the markers of runs without --recorded-on still match.
            analysis["recorded-on"] = recorded.Iso;
        }

        return new ResumeKey(pose, analysis);
    }

    /// <summary>"name old → new" for each entry of <paramref name="now"/> that differs from <paramref name="before"/>.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(now);
        var changes = new List<string>();
        foreach (var name in now.Keys.Union(before.Keys).Order(StringComparer.Ordinal))
        {
            string old = before.TryGetValue(name, out var b) ? b : "(none)";
            string current = now.TryGetValue(name, out var n) ? n : "(none)";
            if (!string.Equals(old, current, StringComparison.Ordinal))
            {
                changes.Add($"{name} {Shown(old)} → {Shown(current)}");
            }
        }

        return changes;
    }

    private static string Shown(string value) => value.Length == 0 ? "(unset)" : value.Length > 48 ? value[..47] + "…" : value;

    /// <summary>The command-line name of a setting where there is one, so the reason reads as the user typed it.</summary>
    private static string OptionName(string property) => property switch
    {
        nameof(AnalysisSettings.ValgusThresholdDeg) => "threshold",
        nameof(AnalysisSettings.Exercise) => "exercise",
        nameof(AnalysisSettings.StanceOverride) => "side",
        nameof(AnalysisSettings.HeightCm) => "height-cm",
        _ => property,
    };

    /// <summary>
    /// Every public property of a settings record as invariant text; a settings record nested inside (the lunge test's)
    /// is listed property by property as "Outer.Inner".
    /// </summary>
    private static IEnumerable<(string Name, string Value)> Properties(object settings, string prefix = "")
    {
        foreach (var p in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is not null))
        {
            object? value = p.GetValue(settings);
            Type type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (value is not null && type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("ValgusVision", StringComparison.Ordinal) == true)
            {
                foreach (var inner in Properties(value, prefix + p.Name + "."))
                {
                    yield return inner;
                }

                continue;
            }

            string text = value switch
            {
                null => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                Enum e => e.ToString().ToLowerInvariant(),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
            yield return (prefix + p.Name, text);
        }
    }

    /// <summary>File name and SHA-256 (so a re-fetched but identical model is the same); "missing" when it cannot be found.</summary>
    private static string FileIdentity(Func<string> locate)
    {
        string path;
        try
        {
            path = Path.GetFullPath(locate());
        }
        catch (FileNotFoundException)
        {
            return "missing";
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return "missing";
        }

        string hash = Hashes.GetOrAdd((path, info.Length, info.LastWriteTimeUtc), key =>
        {
            using var stream = File.OpenRead(key.Path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
        return $"{info.Name} sha256 {hash}";
    }
}
