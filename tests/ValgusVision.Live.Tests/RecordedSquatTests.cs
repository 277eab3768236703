using System.Globalization;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Drill;

namespace ValgusVision.Live.Tests;

/// <summary>
/// The drill on a recorded landmark sequence: samples/sls-left-valgus15 (three left-leg squats with a 15° valgus
/// knee at the bottom) with its truth CSV's depth and left-knee FPPA per frame.
/// </summary>
public sealed class RecordedSquatTests
{
    [Fact]
    public void Recorded_squats_without_a_pause_reveal_nothing()
    {
        var drill = new PositionSenseDrill(Side.Left);
        foreach (var (s, _) in Read())
        {
            Assert.False(drill.Update(s));
            Assert.True(drill.FeedbackHidden);
        }

        Assert.Equal(0, drill.TrialsCompleted);
    }

    [Fact]
    public void Recorded_squat_held_at_its_bottom_reveals_the_bottom_fppa()
    {
        // The first rep's bottom frames repeated for 3 s make a real hold; the reveal is the FPPA there.
        var recorded = Read();
        int bottom = recorded.FindIndex(s => s.Phase == "bottom");
        var held = new List<DrillSample>();
        for (int i = 0; i <= bottom; i++)
        {
            held.Add(recorded[i].Sample);
        }

        double t = recorded[bottom].Sample.TimeSeconds;
        for (int i = 1; i <= 90; i++)
        {
            held.Add(recorded[bottom].Sample with { TimeSeconds = t + (i / 30.0) });
        }

        var drill = new PositionSenseDrill(Side.Left);
        int reveals = 0;
        foreach (var s in held)
        {
            reveals += drill.Update(s) ? 1 : 0;
        }

        Assert.Equal(1, reveals);
        Assert.Equal(recorded[bottom].Sample.FppaDeg!.Value, drill.LastTrial!.FppaDeg, 6);
        Assert.InRange(drill.LastTrial.FppaDeg, 13, 17);
    }

    private static List<(DrillSample Sample, string Phase)> Read()
    {
        var lines = File.ReadAllLines(TestPaths.Sample("sls-left-valgus15.truth.csv"));
        var header = lines[0].Split(',');
        int time = Array.IndexOf(header, "time_s"), phase = Array.IndexOf(header, "phase");
        int depth = Array.IndexOf(header, "depth_pct"), fppa = Array.IndexOf(header, "left_fppa_deg");
        var rows = new List<(DrillSample, string)>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            rows.Add((new DrillSample(
                double.Parse(cells[time], CultureInfo.InvariantCulture),
                double.Parse(cells[depth], CultureInfo.InvariantCulture),
                double.Parse(cells[fppa], CultureInfo.InvariantCulture)), cells[phase]));
        }

        return rows;
    }
}
