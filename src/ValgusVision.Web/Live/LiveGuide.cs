using System.Globalization;
using System.Text;
using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Protocol;

namespace ValgusVision.Web.Live;

/// <summary>
/// The guided protocol of one browser live session: the live command's own state machine (<see cref="GuidedProtocol"/>,
/// the standard plan), fed each frame's analysis as the live loop feeds it — a rep counts, and its verdict is shown,
/// only while the protocol judges reps; the page's "Next" (its space key) is <see cref="Advance"/>. Its state goes out
/// with every answer, and at the end the set summaries are stored beside the recording (<see cref="FileName"/>).
/// </summary>
internal sealed class LiveGuide : ILiveCoach
{
    public const string FileName = Pages.ProtocolCard.FileName;

    private const string Header = "set,exercise,side,set_number,sets_total,duration_s,reps,valgus_events,mean_fppa_bottom_deg,peak_fppa_deg,summary";

    private readonly GuidedProtocol _protocol;
    private int _repsSeen, _eventsSeen;
    private string? _verdict;
    private string _phaseKey = string.Empty;

    public LiveGuide(Side? firstSide, AnalysisSettings settings)
    {
        // The page has keys (its button, space): no auto-advance, as the live window. The prompts name the button by
        // its label in each phase (live.js: "Start set" in Ready, "Next" in Summary).
        _protocol = new GuidedProtocol(ProtocolPlan.Standard(firstSide ?? Side.Left), settings)
        {
            StartHint = "Press Start set",
            GoOnHint = "Press Next",
        };
    }

    public IReadOnlyList<SetSummary> Summaries => _protocol.Summaries;

    public Side? Stance => null;

    public bool HidesFeedback => false;

    /// <summary>The page's "Next": starts the ready set, ends the running one early, or leaves a summary.</summary>
    public void Advance(double timeSeconds)
    {
        if (_protocol.Phase != ProtocolPhase.Done)
        {
            _protocol.Advance(timeSeconds);
        }
    }

    /// <summary>Follows the analysis to this frame: its new reps and events, then the protocol's timers.</summary>
    public void Follow(LiveSessionAnalyzer analyzer, FrameMetrics metrics, Side? stance)
    {
        while (_repsSeen < analyzer.Reps.Count)
        {
            var rep = analyzer.Reps[_repsSeen++];
            if (_protocol.OnRep(rep))
            {
                _verdict = string.Create(CultureInfo.InvariantCulture, $"rep {_protocol.RepsInSet}: {rep.Verdict}");
            }
        }

        while (_eventsSeen < analyzer.Events.Count)
        {
            _eventsSeen++;
            _protocol.OnValgusEvent();
        }

        _protocol.Update(metrics.TimeSeconds, metrics.PelvicDropDeg);
        _protocol.Steer(analyzer);
        string key = string.Create(CultureInfo.InvariantCulture, $"{_protocol.StepIndex}:{_protocol.Phase}");
        if (key != _phaseKey)
        {
            // A new step or phase: the last set's verdict is not this one's.
            _phaseKey = key;
            _verdict = null;
        }
    }

    /// <summary>The "protocol" object of a frame's answer.</summary>
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject("protocol");
        json.WriteNumber("step", Math.Min(_protocol.StepIndex, _protocol.Steps.Length - 1) + 1);
        json.WriteNumber("steps", _protocol.Steps.Length);
        json.WriteString("name", _protocol.Step.Title);
        json.WriteString("phase", _protocol.Phase.ToString().ToLowerInvariant());
        json.WriteString("prompt", _protocol.Prompt);
        json.WriteNumber("timer", Math.Round(_protocol.TimerSeconds, 1));
        json.WriteNumber("reps", _protocol.RepsInSet);
        json.WriteBoolean("judges", _protocol.JudgesReps);
        if (_verdict is null)
        {
            json.WriteNull("verdict");
        }
        else
        {
            json.WriteString("verdict", _verdict);
        }

        json.WriteEndObject();
    }

    public void Store(string sessionFolder) => File.WriteAllText(Path.Combine(sessionFolder, FileName), Csv());

    /// <summary>The finished sets as CSV, one row each; an unknown FPPA (no rep) is an empty cell.</summary>
    public string Csv()
    {
        var csv = new StringBuilder(Header).Append('\n');
        int n = 0;
        foreach (var s in _protocol.Summaries)
        {
            csv.Append(string.Create(CultureInfo.InvariantCulture,
                $"{++n},{ExerciseNames.ToName(s.Step.Exercise)},{s.Step.Side.ToName()},{s.Step.SetNumber},{s.Step.SetsTotal},{s.DurationSeconds:0.0},{s.Reps},{s.ValgusEvents},{s.MeanFppaAtBottomDeg:0.0},{s.PeakFppaDeg:0.0},\"{s.Describe().Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n"));
        }

        return csv.ToString();
    }
}
