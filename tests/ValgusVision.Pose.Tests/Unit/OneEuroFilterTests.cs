using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Smoothing;

namespace ValgusVision.Pose.Tests.Unit;

public class OneEuroFilterTests
{
    private const long Ms = 1_000_000;

    [Fact]
    public void Low_pass_passes_the_first_sample_then_blends_with_alpha()
    {
        var lpf = new LowPassFilter(0.1f);

        Assert.Equal(10f, lpf.Apply(10f));
        Assert.Equal(11f, lpf.Apply(20f), 5);     // 0.1·20 + 0.9·10
        Assert.Equal(11.9f, lpf.Apply(20f), 5);   // 0.1·20 + 0.9·11
    }

    [Fact]
    public void One_euro_matches_hand_computed_values()
    {
        // min_cutoff 1, beta 0.1, derivate_cutoff 1; samples 10 @ 0 s, 20 @ 0.1 s, 20 @ 0.15 s.
        var filter = new OneEuroFilter(new OneEuroFilterSettings(1.0, 0.1, 1.0, false));

        // First sample passes through (dx = 0).
        Assert.Equal(10f, filter.Apply(0, 1.0, 10f));

        // f = 10 Hz: α(1) = 1/(1 + (1/2π)/0.1) = 0.3858695; dx = 100 → edx = 38.58695;
        // cutoff = 4.858695 → α = 0.7532575; x = 0.7532575·20 + 0.2467425·10 = 17.532575.
        Assert.Equal(17.532575f, filter.Apply(100 * Ms, 1.0, 20f), 4);

        // f = 20 Hz: dx = 0 → edx = (1 − 0.2390572)·38.58695 = 29.362464; cutoff = 3.9362464 → α = 0.5528944;
        // x = 0.5528944·20 + 0.4471056·17.532575 = 18.896801.
        Assert.Equal(18.896801f, filter.Apply(150 * Ms, 1.0, 20f), 4);
    }

    [Fact]
    public void Timestamp_not_newer_than_the_last_returns_the_raw_value_and_keeps_the_state()
    {
        var filter = new OneEuroFilter(new OneEuroFilterSettings(1.0, 0.1, 1.0, false));
        filter.Apply(0, 1.0, 10f);
        filter.Apply(100 * Ms, 1.0, 20f);

        Assert.Equal(55f, filter.Apply(100 * Ms, 1.0, 55f));
        Assert.Equal(42f, filter.Apply(50 * Ms, 1.0, 42f));
        Assert.Equal(18.896801f, filter.Apply(150 * Ms, 1.0, 20f), 4);
    }

    [Fact]
    public void First_sample_at_timestamp_zero_still_starts_the_filter()
    {
        // MediaPipe's published builds treat t = 0 as "not newer" forever; we smooth from the first frame.
        var filter = new OneEuroFilter(new OneEuroFilterSettings(1.0, 0.0, 1.0, false));
        filter.Apply(0, 1.0, 10f);

        Assert.Equal(0.3858695f * 20 + (1 - 0.3858695f) * 10, filter.Apply(100 * Ms, 1.0, 20f), 4);
    }

    [Fact]
    public void Value_scale_scales_the_speed_that_opens_the_cutoff()
    {
        // Halving value_scale halves the derivative: the same as halving beta.
        var scaled = new OneEuroFilter(new OneEuroFilterSettings(1.0, 0.1, 1.0, false));
        var halfBeta = new OneEuroFilter(new OneEuroFilterSettings(1.0, 0.05, 1.0, false));
        scaled.Apply(0, 0.5, 10f);
        halfBeta.Apply(0, 1.0, 10f);

        Assert.Equal(halfBeta.Apply(100 * Ms, 1.0, 20f), scaled.Apply(100 * Ms, 0.5, 20f), 5);
    }

    [Fact]
    public void Landmark_smoother_filters_pixels_per_axis_and_passes_visibility_through()
    {
        var smoother = new LandmarkSmoother(1, new OneEuroFilterSettings(1.0, 0.0, 1.0, false));
        var lms = new Landmark[] { new(10, 100, -5, 0.3f, 0.9f) };
        smoother.Apply(lms, 0, 50f);
        lms[0] = new Landmark(20, 100, -5, 0.8f, 0.7f);

        smoother.Apply(lms, 100 * Ms, 50f);

        Assert.Equal(0.3858695f * 20 + (1 - 0.3858695f) * 10, lms[0].X, 4);
        Assert.Equal(100f, lms[0].Y, 4);
        Assert.Equal(-5f, lms[0].Z, 4);
        Assert.Equal(0.8f, lms[0].Visibility);
        Assert.Equal(0.7f, lms[0].Presence);
    }

    [Fact]
    public void Tiny_object_scale_passes_landmarks_through_and_keeps_the_filter_state()
    {
        var smoother = new LandmarkSmoother(1, new OneEuroFilterSettings(1.0, 0.0, 1.0, false));
        var lms = new Landmark[] { new(10, 0, 0, 0, 0) };
        smoother.Apply(lms, 0, 50f);
        lms[0] = new Landmark(99, 0, 0, 0, 0);

        smoother.Apply(lms, 50 * Ms, 1e-7f);
        Assert.Equal(99f, lms[0].X);

        lms[0] = new Landmark(20, 0, 0, 0, 0);
        smoother.Apply(lms, 100 * Ms, 50f);
        Assert.Equal(0.3858695f * 20 + (1 - 0.3858695f) * 10, lms[0].X, 4);
    }

    [Fact]
    public void Reset_makes_the_next_sample_pass_through()
    {
        var smoother = new LandmarkSmoother(1, OneEuroFilterSettings.BodyLandmarks);
        var lms = new Landmark[] { new(10, 10, 0, 0, 0) };
        smoother.Apply(lms, 0, 100f);
        smoother.Reset();
        lms[0] = new Landmark(500, 300, 7, 0, 0);

        smoother.Apply(lms, 33 * Ms, 100f);

        Assert.Equal(new Landmark(500, 300, 7, 0, 0), lms[0]);
    }

    [Fact]
    public void Visibility_is_low_passed_with_alpha_0_1()
    {
        var smoother = new VisibilitySmoother(1);
        var lms = new Landmark[] { new(0, 0, 0, 1f, 1f) };
        smoother.Apply(lms);
        lms[0] = new Landmark(0, 0, 0, 0f, 0.2f);

        smoother.Apply(lms);

        Assert.Equal(0.9f, lms[0].Visibility, 6);
        Assert.Equal(0.2f, lms[0].Presence);
    }
}
