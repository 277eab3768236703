namespace ValgusVision.Domain.Ankle;

/// <summary>
/// Heel lift over one attempt: the heel landmark and the ankle centre both risen above their standing heights by
/// more than the threshold (% of foot length) for enough frames in a row (<see cref="AnkleLungeSettings.HeelLiftPercentOfFoot"/>
/// says why both).
/// </summary>
public static class HeelLiftDetector
{
    /// <summary>
    /// Marks the lifted frames. A frame with an unknown rise (null) is not lifted and breaks a run.
    /// </summary>
    /// <param name="heelRisePct">Heel landmark's rise above its standing height per frame, % of foot length.</param>
    /// <param name="ankleRisePct">Ankle centre's rise above its standing height per frame, % of foot length.</param>
    /// <returns>Per frame: part of a run of lifted frames at least <see cref="AnkleLungeSettings.HeelLiftMinFrames"/> long.</returns>
    public static bool[] LiftedFrames(IReadOnlyList<double?> heelRisePct, IReadOnlyList<double?> ankleRisePct, AnkleLungeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(heelRisePct);
        ArgumentNullException.ThrowIfNull(ankleRisePct);
        ArgumentNullException.ThrowIfNull(settings);
        if (heelRisePct.Count != ankleRisePct.Count)
        {
            throw new ArgumentException($"heel ({heelRisePct.Count}) and ankle ({ankleRisePct.Count}) rises differ in length", nameof(ankleRisePct));
        }

        var lifted = new bool[heelRisePct.Count];
        int runStart = -1;
        for (int i = 0; i <= lifted.Length; i++)
        {
            bool up = i < lifted.Length
                && heelRisePct[i] is { } h && h > settings.HeelLiftPercentOfFoot
                && ankleRisePct[i] is { } a && a > settings.HeelLiftPercentOfFoot;
            if (up && runStart < 0)
            {
                runStart = i;
            }
            else if (!up && runStart >= 0)
            {
                if (i - runStart >= settings.HeelLiftMinFrames)
                {
                    Array.Fill(lifted, true, runStart, i - runStart);
                }

                runStart = -1;
            }
        }

        return lifted;
    }
}
