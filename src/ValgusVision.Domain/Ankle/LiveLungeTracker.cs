using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Signals;

namespace ValgusVision.Domain.Ankle;

/// <summary>
/// The weight-bearing lunge test frame by frame, for <c>valgus live</c>: the same readings as
/// <see cref="AnkleLungeAnalyzer"/> (front leg, levelled shank angle, heel lift from heel and ankle rising together,
/// attempts from the shank's lean beyond standing) with the standing reference taken from each leg's first
/// standing second instead of the whole recording. Finished attempts are kept; the offline analysis of the
/// recording stays the report's source.
/// </summary>
public sealed class LiveLungeTracker
{
    /// <summary>Standing frames (front leg, heel and toe visible) gathered per leg before its reference is fixed.</summary>
    public const int StandingFrames = 15;

    private readonly LungeAnalysisSettings _settings;
    private readonly AnkleLungeSettings _ankle;
    private readonly SideState[] _sides = [new(Side.Left), new(Side.Right)];
    private readonly List<LungeAttempt> _attempts = [];

    /// <summary>Per leg, the shin–axis angle learnt over the last 3 s at 30 fps (a leg's own; see <see cref="ShinToAxis"/>).</summary>
    private readonly ShinToAxis[] _shins = [new(90), new(90)];
    private int _frames;
    private int _frontal;

    public LiveLungeTracker(LungeAnalysisSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Ankle.Validate();
        _settings = settings;
        _ankle = settings.Ankle;
    }

    /// <summary>Finished attempts, both legs, in order.</summary>
    public IReadOnlyList<LungeAttempt> Attempts => _attempts;

    /// <summary>Finished attempts of one leg.</summary>
    public int AttemptCount(Side side) => _sides[(int)side].Number;

    /// <summary>The leg's best attempt with the heel down so far; null when none.</summary>
    public double? Best(Side side) => _sides[(int)side].Best;

    public LiveLungeFrame Add(PoseFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _frames++;
        double gate = _settings.VisibilityGate;
        if (!frame.HasPose)
        {
            return new LiveLungeFrame(null, null, 0, false, 0, false, null);
        }

        _shins[(int)Side.Left].Add(frame.ShankAxes.Left);
        _shins[(int)Side.Right].Add(frame.ShankAxes.Right);

        if (LungeFrame.SideViewDeg(frame, gate) is { } view && view < _ankle.MinSideViewDeg)
        {
            _frontal++;
        }
        else
        {
            _frontal = 0;
        }

        // Half a second facing the camera is not a side view (a single odd frame is not worth a warning).
        string? message = _frontal >= 15 ? "Turn side-on to the camera: the lunge test needs a side view" : null;
        var facing = LungeFrame.FacingOf(frame, gate);
        var front = _settings.StanceOverride ?? (facing is { } f ? LungeFrame.FrontOf(frame, f, gate) : null);
        if (facing is not { } dir || front is not { } side || message is not null)
        {
            return new LiveLungeFrame(front, null, 0, false, 0, false, message ?? (facing is null ? "Keep both feet in the picture" : null));
        }

        var state = _sides[(int)side];
        double raw = LungeFrame.Inclination(frame, side, dir, 0, gate, _shins[(int)side]) ?? double.NaN;
        if (!state.Ready)
        {
            state.Gather(frame, side, raw, gate, _ankle);
            return new LiveLungeFrame(side, double.IsNaN(raw) ? null : raw, 0, false, 0, false, null);
        }

        double tilt = state.Floor!.CorrectionDeg;
        double? angle = LungeFrame.Inclination(frame, side, dir, tilt, gate, _shins[(int)side]);
        double? heel = Rise(LungeFrame.LevelledY(frame, side.Heel(), tilt, gate), state.HeelY, state.FootPx);
        double? ankle = Rise(LungeFrame.LevelledY(frame, side.Ankle(), tilt, gate), state.AnkleY, state.FootPx);
        bool up = heel > _ankle.HeelLiftPercentOfFoot && ankle > _ankle.HeelLiftPercentOfFoot;
        state.LiftRun = up ? state.LiftRun + 1 : 0;
        bool lifted = state.LiftRun >= _ankle.HeelLiftMinFrames;
        if (angle is { } deg)
        {
            Follow(state, frame, deg, LungeFrame.LineOf(frame, side, _shins[(int)side]), lifted, heel, ankle);
        }

        return new LiveLungeFrame(side, angle, tilt, lifted, state.InAttempt ? state.Number + 1 : 0, true, null);
    }

    private void Follow(SideState state, PoseFrame frame, double deg, ShankLine line, bool lifted, double? heel, double? ankle)
    {
        double rise = deg - state.StandingLean;
        if (!state.InAttempt)
        {
            if (rise >= _ankle.AttemptStartRiseDeg)
            {
                state.Start(frame, _frames - 1);
            }
            else
            {
                return;
            }
        }

        state.Track(frame, _frames - 1, deg, line, rise, lifted, heel, ankle);
        if (rise <= _ankle.AttemptEndRiseDeg)
        {
            if (state.PeakRise >= _ankle.AttemptMinRiseDeg && frame.TimeSeconds - state.StartTime >= _ankle.AttemptMinDurationSeconds)
            {
                state.Number++;
                var attempt = state.Finish(frame, _frames - 1);
                _attempts.Add(attempt);
                if (attempt.IsValid && (state.Best is null || attempt.InclinationDeg > state.Best))
                {
                    state.Best = attempt.InclinationDeg;
                }
            }

            state.InAttempt = false;
        }
    }

    private static double? Rise(double? y, double? standingY, double footPx) =>
        y is { } v && standingY is { } s && footPx > 0 ? 100.0 * (s - v) / footPx : null;

    private sealed class SideState(Side side)
    {
        private readonly List<double> _angles = new(StandingFrames);
        private readonly List<double> _lengths = new(StandingFrames);
        private readonly List<double> _heels = new(StandingFrames);
        private readonly List<double> _ankles = new(StandingFrames);
        private readonly List<double> _leans = new(StandingFrames);
        private int _startFrame, _peakFrame;
        private double _peakTime, _bestTravel, _bestAngle, _maxHeel, _maxAnkle;
        private bool _anyLift;
        private ShankLine _bestLine;
        private double _leastLean = double.PositiveInfinity;

        public Side Side { get; } = side;

        public bool Ready => Floor is not null;

        public FloorLine? Floor { get; private set; }

        public double FootPx { get; private set; }

        public double? HeelY { get; private set; }

        public double? AnkleY { get; private set; }

        public double StandingLean { get; private set; }

        public int Number { get; set; }

        public double? Best { get; set; }

        public bool InAttempt { get; set; }

        public int LiftRun { get; set; }

        public double StartTime { get; private set; }

        public double PeakRise { get; private set; }

        public void Gather(PoseFrame frame, Side side, double raw, double gate, AnkleLungeSettings settings)
        {
            if (double.IsNaN(raw) || LungeFrame.FootLine(frame, side, gate) is not { } line)
            {
                return;
            }

            // Standing means the shank's least lean: a frame leaning further than an attempt's start beyond the least
            // seen so far is a lunge, and one leaning that much less means the earlier frames were not standing.
            if (raw > _leastLean + settings.AttemptStartRiseDeg)
            {
                return;
            }

            if (raw < _leastLean - settings.AttemptStartRiseDeg)
            {
                _angles.Clear();
                _lengths.Clear();
                _heels.Clear();
                _ankles.Clear();
                _leans.Clear();
            }

            _leastLean = Math.Min(_leastLean, raw);

            _angles.Add(line.AngleDeg);
            _lengths.Add(line.LengthPx);
            _leans.Add(raw);
            if (LungeFrame.LevelledY(frame, side.Heel(), 0, gate) is { } h)
            {
                _heels.Add(h);
            }

            if (LungeFrame.LevelledY(frame, side.Ankle(), 0, gate) is { } a)
            {
                _ankles.Add(a);
            }

            if (_angles.Count < StandingFrames)
            {
                return;
            }

            Floor = FloorLine.Estimate(_angles, settings);
            FootPx = Percentile.Of(_lengths, 0.5)!.Value;
            StandingLean = Percentile.Of(_leans, 0.5)!.Value;

            // Heights were gathered unlevelled: with a tilt to correct, take them from this last standing frame, levelled.
            double tilt = Floor.CorrectionDeg;
            HeelY = tilt == 0 ? Percentile.Of(_heels, 0.5) : null;
            AnkleY = tilt == 0 ? Percentile.Of(_ankles, 0.5) : null;
            if (tilt != 0)
            {
                HeelY = LungeFrame.LevelledY(frame, side.Heel(), tilt, gate);
                AnkleY = LungeFrame.LevelledY(frame, side.Ankle(), tilt, gate);
            }
        }

        public void Start(PoseFrame frame, int position)
        {
            InAttempt = true;
            StartTime = frame.TimeSeconds;
            _startFrame = position;
            _peakFrame = position;
            _peakTime = frame.TimeSeconds;
            PeakRise = double.NegativeInfinity;
            _bestTravel = double.NegativeInfinity;
            _bestAngle = double.NaN;
            _maxHeel = double.NegativeInfinity;
            _maxAnkle = double.NegativeInfinity;
            _anyLift = false;
        }

        public void Track(PoseFrame frame, int position, double deg, ShankLine line, double rise, bool lifted, double? heel, double? ankle)
        {
            PeakRise = Math.Max(PeakRise, rise);
            _anyLift |= lifted;
            _maxHeel = Math.Max(_maxHeel, heel ?? double.NegativeInfinity);
            _maxAnkle = Math.Max(_maxAnkle, ankle ?? double.NegativeInfinity);

            // The shank's lean stands in for forward knee travel: with the foot fixed they peak together.
            if (!lifted && deg > _bestTravel)
            {
                _bestTravel = deg;
                _bestAngle = deg;
                _bestLine = line;
                _peakFrame = position;
                _peakTime = frame.TimeSeconds;
            }
        }

        public LungeAttempt Finish(PoseFrame frame, int position) => new(
            Side, Number, _startFrame, _peakFrame, position, StartTime, _peakTime, frame.TimeSeconds,
            _anyLift || double.IsNaN(_bestAngle) ? null : _bestAngle, _anyLift,
            double.IsFinite(_maxHeel) ? _maxHeel : null, double.IsFinite(_maxAnkle) ? _maxAnkle : null,
            _anyLift ? "heel lift" : double.IsNaN(_bestAngle) ? "the knee or ankle was not visible" : null,
            _anyLift || double.IsNaN(_bestAngle) ? null : _bestLine);
    }
}
