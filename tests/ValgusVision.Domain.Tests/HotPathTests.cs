using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

public class HotPathTests
{
    [Fact]
    public void Per_frame_metrics_allocate_only_the_returned_record()
    {
        var calculator = new FrameMetricsCalculator(AnalysisSettings.Default with { HeightCm = 175 }, new StandingReference(200, 200, 200, 200, 400, 400, 400, 800));
        var frame = new SyntheticBody { RightKneeMedialPx = 20, YawDeg = 10, TrunkFlexionDeg = 5, LeftAnkleLiftPx = 100 }.Frame();
        calculator.Compute(frame, Side.Right, 30, 1.0, 0, false);

        long before = GC.GetAllocatedBytesForCurrentThread();
        const int Calls = 1000;
        for (int i = 0; i < Calls; i++)
        {
            calculator.Compute(frame, Side.Right, 30, 1.0, 0, false);
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;

        // FrameMetrics with its FrameQuality inline is about 400 bytes; anything beyond means a hidden allocation.
        Assert.InRange(perCall, 1, 512);
    }
}
