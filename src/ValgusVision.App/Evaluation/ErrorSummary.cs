namespace ValgusVision.App.Evaluation;

/// <summary>Signed errors (ours − truth) summarised: how many, mean absolute, mean signed (bias), largest absolute.</summary>
public readonly record struct ErrorSummary(int Count, double? MeanAbs, double? Bias, double? MaxAbs)
{
    public static ErrorSummary Empty => new(0, null, null, null);

    public static ErrorSummary Of(IReadOnlyCollection<double> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return Empty;
        }

        double sumAbs = 0, sum = 0, max = 0;
        foreach (double e in errors)
        {
            sumAbs += Math.Abs(e);
            sum += e;
            max = Math.Max(max, Math.Abs(e));
        }

        return new ErrorSummary(errors.Count, sumAbs / errors.Count, sum / errors.Count, max);
    }
}
