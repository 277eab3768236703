namespace ValgusVision.App;

/// <summary>What a rerun of <c>valgus batch</c> does with one input.</summary>
public enum ResumeAction
{
    /// <summary>Its outputs were made with the same key and formats and are all there.</summary>
    Skip,

    /// <summary>Only analysis settings or formats changed: recomputed from its frames.csv, without the model.</summary>
    Recompute,

    /// <summary>Analysed from the video again (first run, --force, or something the poses depend on changed).</summary>
    Redo,
}

/// <summary>
/// A batch input's resume decision and, when it is not simply new or unchanged, why — in the words the console prints
/// ("redoing s1/sls.mp4 from frames.csv (no model): threshold 10 → 20").
/// </summary>
public sealed record ResumeDecision(BatchItem Item, ResumeAction Action, string? Reason)
{
    /// <summary>The console line, or null for a new input or an unchanged skip (nothing to explain).</summary>
    public string? Message => Reason is null ? null : Action switch
    {
        ResumeAction.Recompute => $"redoing {Item.Label} from frames.csv (no model): {Reason}",
        ResumeAction.Redo => $"redoing {Item.Label}: {Reason}",
        _ => $"skipping {Item.Label}: {Reason}",
    };

    public static ResumeDecision For(BatchItem item, ResumeKey now, OutputFormats formats, bool force)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(now);
        if (force)
        {
            return new(item, ResumeAction.Redo, null);
        }

        if (CompletionMarker.Read(item.Paths) is not { } done)
        {
            // New, or an interrupted or failed earlier run (no marker is written then): nothing to explain.
            return new(item, ResumeAction.Redo, null);
        }

        if (done.Key is not { } before)
        {
            return new(item, ResumeAction.Redo, "its outputs do not record the settings they were made with (an older version)");
        }

        var poseChanges = ResumeKey.Differences(before.Pose, now.Pose);
        if (poseChanges.Count > 0)
        {
            return new(item, ResumeAction.Redo, string.Join(", ", poseChanges));
        }

        var reasons = new List<string>(ResumeKey.Differences(before.Analysis, now.Analysis));
        if ((done.Formats & formats) != formats)
        {
            reasons.Add($"formats {done.Formats.ToText()} → {formats.ToText()}");
        }

        var missing = item.Paths.For(formats & done.Formats).Where(f => !File.Exists(f)).Select(Path.GetFileName).ToList();
        if (missing.Count > 0)
        {
            reasons.Add("missing " + string.Join(", ", missing));
        }

        if (reasons.Count == 0)
        {
            return new(item, ResumeAction.Skip, null);
        }

        // The poses are the same as the model would give again; frames.csv holds them exactly (docs/frames-csv.md).
        bool framesKept = done.Formats.HasFlag(OutputFormats.Csv) && File.Exists(item.Paths.FramesCsv);
        return framesKept
            ? new(item, ResumeAction.Recompute, string.Join(", ", reasons))
            : new(item, ResumeAction.Redo, string.Join(", ", reasons) + " (no frames.csv to recompute from)");
    }
}
