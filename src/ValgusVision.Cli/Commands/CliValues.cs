using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Cli.Commands;

/// <summary>
/// The command line's one convention for values (issue 21 item 2): the same names in every command, numbers with a
/// decimal point only ("8,5" is refused, never read as 85), a range on every number, and each bad value one line
/// naming its option (<c>--threshold: '8,5' is not a number …</c>), reported by <see cref="CliApp"/> with exit code 2.
/// </summary>
public static class CliValues
{
    /// <summary>The exercises as every command names them (and as the console prints them).</summary>
    public const string ExerciseVocabulary = "single-leg-squat, hinge, hip-hitch, drop-jump, ankle-lunge, double-leg-squat, forward-lunge or auto";

    /// <summary>The command-line name of an exercise, the one the console prints: "single-leg-squat", "hip-hitch".</summary>
    public static string Name(Exercise exercise) => exercise switch
    {
        Exercise.SingleLegSquat => "single-leg-squat",
        Exercise.HipHitch => "hip-hitch",
        _ => exercise.ToName(),
    };

    /// <summary>An exercise by its name (older spellings such as "squat" and "hitch" still read); a <see cref="CliError"/> otherwise.</summary>
    public static Exercise ParseExercise(string? text) =>
        ExerciseNames.Parse(text ?? "auto") ?? throw new CliError($"--exercise: '{text}' is not {ExerciseVocabulary}");

    /// <summary>left, right, or auto (null: detected per rep).</summary>
    public static Side? ParseSide(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return SideExtensions.Parse(text) ?? throw new CliError($"--side: '{text}' is not left, right or auto");
    }

    /// <summary>lite, full, heavy or the path of an ONNX file.</summary>
    public static PoseModelChoice ParseModel(string? text)
    {
        try
        {
            return PoseModelChoice.Parse(text ?? "full");
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message, CliError.BadInput, e);
        }
    }

    /// <summary>on or off.</summary>
    public static bool ParseOnOff(string option, string? text) => (text ?? "on").Trim().ToLowerInvariant() switch
    {
        "on" => true,
        "off" => false,
        _ => throw new CliError($"{option}: '{text}' is not on or off"),
    };

    /// <summary>A number option (no value = null) checked against its range while the command line is parsed.</summary>
    public static Option<double?> Number(string name, string description, double min, double max, string unit) => new(name)
    {
        Description = description,
        CustomParser = result => ParseNumber(result, name, min, max, unit),
    };

    /// <summary>A number option with a default; <paramref name="min"/>/<paramref name="max"/> null leave the range to the options' own checks.</summary>
    public static Option<double> Number(string name, string description, double defaultValue, double? min = null, double? max = null, string unit = "") => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseNumber(result, name, min ?? double.MinValue, max ?? double.MaxValue, unit) ?? defaultValue,
    };

    /// <summary>A whole-number option with a default and a range.</summary>
    public static Option<int> Integer(string name, string description, int defaultValue, int min, int max, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseInteger(result, name, min, max) ?? defaultValue,
    };

    /// <summary>Reads "8.5" or "-3" or "1e1"; refuses "8,5", "abc", NaN and infinities. Null with the reason when not a number.</summary>
    public static bool TryParseNumber(string text, out double value, out string? problem)
    {
        problem = null;
        if (text.Contains(',', StringComparison.Ordinal))
        {
            value = 0;
            problem = $"'{text}' is not a number: use a decimal point ({text.Replace(',', '.')})";
            return false;
        }

        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
            || !double.IsFinite(value))
        {
            problem = $"'{text}' is not a number";
            return false;
        }

        return true;
    }

    private static double? ParseNumber(ArgumentResult result, string name, double min, double max, string unit)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[0].Value;
        if (!TryParseNumber(text, out double value, out string? problem))
        {
            result.AddError($"{name}: {problem}");
            return null;
        }

        if (value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: {text} is not between {min:0.###} and {max:0.###}{unit}"));
            return null;
        }

        return value;
    }

    private static int? ParseInteger(ArgumentResult result, string name, int min, int max)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[0].Value;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            result.AddError($"{name}: '{text}' is not a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: {value} is not between {min} and {max}"));
            return null;
        }

        return value;
    }
}
