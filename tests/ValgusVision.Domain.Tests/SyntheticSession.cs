using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Domain.Tests;

/// <summary>
/// Time series of <see cref="SyntheticBody"/> poses with known reps: each rep is a raised-cosine excursion
/// (0 → peak → 0) of length <see cref="RepSeconds"/>, with rest between, optionally with uniform landmark noise.
/// </summary>
internal sealed record SyntheticSession
{
    public double FramesPerSecond { get; init; } = 30;

    public double RestSeconds { get; init; } = 1.0;

    public double RepSeconds { get; init; } = 2.0;

    /// <summary>Largest landmark jitter in pixels (uniform, seeded).</summary>
    public double NoisePx { get; init; }

    public int Seed { get; init; } = 1;

    /// <summary>Total length: rest, then per rep the rep and a rest.</summary>
    public double DurationSeconds(int reps) => RestSeconds + (reps * (RepSeconds + RestSeconds));

    /// <summary>Time of rep <paramref name="index"/>'s peak (its bottom).</summary>
    public double BottomTime(int index) => RestSeconds + (index * (RepSeconds + RestSeconds)) + (RepSeconds / 2);

    /// <summary>
    /// Frames for <paramref name="reps"/> reps; <paramref name="pose"/> gets the rep index (or −1 at rest) and the
    /// rep's phase 0..1..0 and returns the body for that moment.
    /// </summary>
    public List<PoseFrame> Build(int reps, Func<int, double, SyntheticBody> pose)
    {
        ArgumentNullException.ThrowIfNull(pose);
        var random = new Random(Seed);
        var frames = new List<PoseFrame>();
        int count = (int)Math.Round(DurationSeconds(reps) * FramesPerSecond);
        for (int i = 0; i <= count; i++)
        {
            double t = i / FramesPerSecond;
            double local = t - RestSeconds;
            int rep = -1;
            double phase = 0;
            if (local >= 0)
            {
                int k = (int)Math.Floor(local / (RepSeconds + RestSeconds));
                double within = local - (k * (RepSeconds + RestSeconds));
                if (k < reps && within < RepSeconds)
                {
                    rep = k;
                    phase = 0.5 * (1 - Math.Cos(2 * Math.PI * within / RepSeconds));
                }
            }

            var frame = pose(rep, phase).Frame(i, t);
            frames.Add(NoisePx > 0 ? AddNoise(frame, random) : frame);
        }

        return frames;
    }

    /// <summary>How far above the floor the free ankle of <see cref="Squat"/> is while standing on one leg (37.5 % of leg length).</summary>
    public const double FreeAnkleLiftPx = 150;

    private PoseFrame AddNoise(PoseFrame frame, Random random)
    {
        var landmarks = frame.Landmarks.ToBuilder();
        for (int i = 0; i < landmarks.Count; i++)
        {
            var l = landmarks[i];
            landmarks[i] = l with
            {
                X = l.X + (float)((random.NextDouble() * 2 - 1) * NoisePx),
                Y = l.Y + (float)((random.NextDouble() * 2 - 1) * NoisePx),
            };
        }

        return frame with { Landmarks = landmarks.ToImmutable() };
    }

    /// <summary>
    /// Single-leg squats on <paramref name="stance"/>: hip down by <paramref name="depthPx"/>, stance knee caving in by
    /// <paramref name="kneeMedialPx"/> at the bottom. The free foot starts <see cref="FreeAnkleLiftPx"/> off the floor
    /// and hangs from the pelvis, going down as far as the hips do (a person's does: on the rendered samples it travels
    /// 0.8–0.9× as far as the hips), so it stays clearly above the floor for depths up to 100 px.
    /// </summary>
    public static Func<int, double, SyntheticBody> Squat(Func<int, Side> stance, double depthPx, double kneeMedialPx, double hipShiftOutPx = 0)
    {
        return (rep, phase) =>
        {
            var side = stance(Math.Max(rep, 0));
            var body = SyntheticBody.OnLeg(side) with { DepthPx = depthPx * phase };
            double freeLift = FreeAnkleLiftPx - (depthPx * phase);
            body = side == Side.Left ? body with { RightAnkleLiftPx = freeLift } : body with { LeftAnkleLiftPx = freeLift };

            // Lateral for the right hip is image −x, for the left hip +x.
            double shift = hipShiftOutPx * phase * (side == Side.Right ? -1 : 1);
            return side == Side.Right
                ? body with { RightKneeMedialPx = kneeMedialPx * phase, HipShiftPx = shift }
                : body with { LeftKneeMedialPx = kneeMedialPx * phase, HipShiftPx = shift };
        };
    }
}
