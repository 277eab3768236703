using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Drill;

/// <summary>
/// The knee position-sense drill (issue 6): per trial the person squats on one leg and stops where they believe the
/// knee is straight over the foot, with the FPPA hidden; once they have held still for <see cref="DrillSettings.RevealDelaySeconds"/>
/// the true FPPA is revealed. Its absolute value is the trial's position-sense error (a straight knee is 0°).
/// After <see cref="DrillSettings.TrialsPerSide"/> trials the drill moves to the other leg.
/// Feed every frame to <see cref="Update"/>; the state machine allocates nothing per frame.
/// </summary>
public sealed class PositionSenseDrill
{
    // Enough for the hold window at 240 fps; older samples are never needed.
    private const int WindowCapacity = 512;

    private readonly DrillSettings _settings;
    private readonly List<DrillTrial> _left = [];
    private readonly List<DrillTrial> _right = [];
    private readonly double[] _windowTimes = new double[WindowCapacity];
    private readonly double[] _windowDepths = new double[WindowCapacity];
    private int _windowStart, _windowCount;
    private double _holdDepthPct, _holdStartSeconds, _fppaSum, _depthSum;
    private int _fppaCount, _depthCount;
    private bool _holdBroken;

    public PositionSenseDrill(Side firstSide, DrillSettings? settings = null)
    {
        _settings = settings ?? DrillSettings.Default;
        _settings.Validate();
        FirstSide = firstSide;
        Side = firstSide;
    }

    public Side FirstSide { get; }

    /// <summary>The leg being drilled now.</summary>
    public Side Side { get; private set; }

    public DrillPhase Phase { get; private set; } = DrillPhase.Standing;

    /// <summary>True while the FPPA must not be shown (everything but the reveal and the end).</summary>
    public bool FeedbackHidden => Phase is not (DrillPhase.Revealed or DrillPhase.Finished);

    /// <summary>1-based number of the trial under way on <see cref="Side"/>.</summary>
    public int TrialNumber => TrialsOf(Side).Count + (Phase == DrillPhase.Revealed ? 0 : 1);

    /// <summary>Seconds held so far (0 unless <see cref="DrillPhase.Holding"/>).</summary>
    public double HoldElapsedSeconds { get; private set; }

    /// <summary>The trial just revealed (or the last one finished).</summary>
    public DrillTrial? LastTrial { get; private set; }

    /// <summary>Why the last attempt did not count, in plain words; null when it did.</summary>
    public string? LastAbortReason { get; private set; }

    /// <summary>Trials finished on both legs.</summary>
    public int TrialsCompleted => _left.Count + _right.Count;

    public IReadOnlyList<DrillTrial> TrialsOf(Side side) => side == Side.Left ? _left : _right;

    /// <summary>What the screen should say now.</summary>
    public string Prompt => Phase switch
    {
        DrillPhase.Standing when LastAbortReason is { } reason => $"{reason}. {Side.ToTitle()} leg, trial {TrialNumber}: squat and hold where the knee is straight over the foot",
        DrillPhase.Standing => $"{Side.ToTitle()} leg, trial {TrialNumber} of {_settings.TrialsPerSide}: squat and hold where the knee is straight over the foot",
        DrillPhase.Descending => "hold…",
        DrillPhase.Holding => "hold…",
        DrillPhase.Revealed => $"FPPA {LastTrial!.FppaDeg:+0.0;-0.0;0.0}° — stand up for the next trial",
        _ => "drill finished",
    };

    public DrillResult Result => new(SideDrillResult.From(Side.Left, _left), SideDrillResult.From(Side.Right, _right));

    /// <summary>Advances the drill by one frame. Returns true when this frame revealed a trial.</summary>
    public bool Update(in DrillSample sample)
    {
        switch (Phase)
        {
            case DrillPhase.Standing:
                if (sample.DepthPct is { } d && d >= _settings.SquatStartDepthPct)
                {
                    Phase = DrillPhase.Descending;
                    _holdBroken = false;
                    ClearWindow();
                    Push(sample.TimeSeconds, d);
                }

                return false;
            case DrillPhase.Descending:
                Descend(sample);
                return false;
            case DrillPhase.Holding:
                return Hold(sample);
            case DrillPhase.Revealed:
                if (sample.DepthPct is { } depth && depth < _settings.StandDepthPct)
                {
                    NextTrial();
                }

                return false;
            default:
                return false;
        }
    }

    private void Descend(in DrillSample sample)
    {
        if (sample.DepthPct is not { } depth)
        {
            return;
        }

        if (depth < _settings.StandDepthPct)
        {
            Abort(_holdBroken ? "stood up before the reveal" : "stood up without holding");
            return;
        }

        Push(sample.TimeSeconds, depth);
        if (depth < _settings.MinHoldDepthPct || !WindowIsStill(sample.TimeSeconds, out double mean))
        {
            return;
        }

        Phase = DrillPhase.Holding;
        _holdDepthPct = mean;
        _holdStartSeconds = sample.TimeSeconds;
        HoldElapsedSeconds = 0;
        _fppaSum = _depthSum = 0;
        _fppaCount = _depthCount = 0;
        Accumulate(sample);
    }

    private bool Hold(in DrillSample sample)
    {
        if (sample.DepthPct is { } depth && Math.Abs(depth - _holdDepthPct) > _settings.HoldBreakDepthPct)
        {
            // Moved to another depth: look for a new hold there (the person may still be searching); standing up from
            // here ends the attempt.
            Phase = DrillPhase.Descending;
            _holdBroken = true;
            HoldElapsedSeconds = 0;
            ClearWindow();
            Push(sample.TimeSeconds, depth);
            return false;
        }

        Accumulate(sample);
        HoldElapsedSeconds = sample.TimeSeconds - _holdStartSeconds;
        // A microsecond of slack: frame times summed from 1/30 s steps land a hair short of whole seconds.
        if (HoldElapsedSeconds < _settings.RevealDelaySeconds - 1e-6)
        {
            return false;
        }

        if (_fppaCount == 0)
        {
            // Nothing to reveal: start over (still squatting, so the next frames look for a new hold).
            Abort("the knee was not visible during the hold");
            return false;
        }

        var list = Side == Side.Left ? _left : _right;
        LastTrial = new DrillTrial(Side, list.Count + 1, _holdStartSeconds, _depthSum / _depthCount, _fppaSum / _fppaCount);
        list.Add(LastTrial);
        LastAbortReason = null;
        Phase = DrillPhase.Revealed;
        return true;
    }

    private void Accumulate(in DrillSample sample)
    {
        if (sample.FppaDeg is { } fppa && double.IsFinite(fppa))
        {
            _fppaSum += fppa;
            _fppaCount++;
        }

        if (sample.DepthPct is { } depth)
        {
            _depthSum += depth;
            _depthCount++;
        }
    }

    private void NextTrial()
    {
        if (TrialsOf(Side).Count >= _settings.TrialsPerSide)
        {
            if (Side == FirstSide)
            {
                Side = Side.Opposite();
            }
            else
            {
                Phase = DrillPhase.Finished;
                return;
            }
        }

        Phase = DrillPhase.Standing;
    }

    private void Abort(string reason)
    {
        LastAbortReason = reason;
        Phase = DrillPhase.Standing;
        HoldElapsedSeconds = 0;
    }

    private void ClearWindow()
    {
        _windowStart = 0;
        _windowCount = 0;
    }

    private void Push(double time, double depth)
    {
        int slot = (_windowStart + _windowCount) % WindowCapacity;
        _windowTimes[slot] = time;
        _windowDepths[slot] = depth;
        if (_windowCount < WindowCapacity)
        {
            _windowCount++;
        }
        else
        {
            _windowStart = (_windowStart + 1) % WindowCapacity;
        }
    }

    /// <summary>
    /// True when the samples of the last <see cref="DrillSettings.HoldWindowSeconds"/> span at most the tolerance, and
    /// the window really covers that long (the oldest kept sample is at least that old).
    /// </summary>
    private bool WindowIsStill(double now, out double mean)
    {
        mean = 0;
        double since = now - _settings.HoldWindowSeconds;
        while (_windowCount > 1 && _windowTimes[(_windowStart + 1) % WindowCapacity] <= since + 1e-9)
        {
            _windowStart = (_windowStart + 1) % WindowCapacity;
            _windowCount--;
        }

        if (_windowCount == 0 || _windowTimes[_windowStart] > since + 1e-9)
        {
            return false;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        for (int i = 0; i < _windowCount; i++)
        {
            double d = _windowDepths[(_windowStart + i) % WindowCapacity];
            min = Math.Min(min, d);
            max = Math.Max(max, d);
            sum += d;
        }

        mean = sum / _windowCount;
        return max - min <= _settings.HoldToleranceDepthPct;
    }
}
