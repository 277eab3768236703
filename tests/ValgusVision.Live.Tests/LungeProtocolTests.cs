using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Ankle;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Tests.Ankle;
using ValgusVision.Live.Protocol;

namespace ValgusVision.Live.Tests;

public class LungeProtocolTests
{
    private static readonly AnalysisSettings Lunge = AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge };

    [Fact]
    public void Three_attempts_per_leg_with_prompts_then_the_result()
    {
        var frames = SyntheticLunge.Session(new SyntheticLunge(), [40, 42, 41]);
        SyntheticLunge.Session(new SyntheticLunge { Facing = Facing.Left, Front = Side.Right }, [30, 31, 29], append: frames);
        var tracker = new LiveLungeTracker(Lunge.Lunge);
        var protocol = new LungeProtocol(tracker, Side.Left);
        var prompts = new List<string>();
        foreach (var frame in frames)
        {
            string prompt = protocol.Prompt(tracker.Add(frame));
            if (prompts.Count == 0 || prompts[^1] != prompt)
            {
                prompts.Add(prompt);
            }
        }

        Assert.True(protocol.Done);
        Assert.StartsWith("Left leg in front, heel down: stand still", prompts[0], StringComparison.Ordinal);
        Assert.Contains(prompts, p => p.StartsWith("Left leg, attempt 1 of 3", StringComparison.Ordinal));
        Assert.Contains("Left leg, attempt 3 of 3: knee towards the wall, heel down, then back", prompts, StringComparer.Ordinal);
        Assert.Contains(prompts, p => p.StartsWith("Turn round: right leg in front", StringComparison.Ordinal));
        Assert.Contains(prompts, p => p.StartsWith("Right leg, attempt 3 of 3", StringComparison.Ordinal));
        Assert.Equal("Done: left best 42.0°, right best 31.0°, difference 11.0°", prompts[^1]);
    }
}
