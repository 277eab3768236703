using System.Text.Json;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Drill;

namespace ValgusVision.Web.Live;

/// <summary>
/// The knee position-sense drill of one browser live session: the live command's own <see cref="PositionSenseDrill"/>
/// (five trials per leg; a hold is found from the depth, as in the live window, so the page needs no button), fed the
/// drilled leg's FPPA and depth each frame. Until a trial's reveal the answers carry no angle (<see cref="HidesFeedback"/>).
/// At the end the trials and the per-leg error are stored as the live command writes them (<see cref="DrillCsv"/>).
/// </summary>
internal sealed class LiveDrill : ILiveCoach
{
    public const string TrialsFile = Pages.DrillCard.TrialsFile;
    public const string SummaryFile = Pages.DrillCard.SummaryFile;

    private readonly PositionSenseDrill _drill;

    public LiveDrill(Side? firstSide) => _drill = new PositionSenseDrill(firstSide ?? Side.Left);

    public Side? Stance => _drill.Side;

    public bool HidesFeedback => _drill.FeedbackHidden;

    public void Follow(LiveSessionAnalyzer analyzer, FrameMetrics metrics, Side? stance) =>
        _drill.Update(new DrillSample(metrics.TimeSeconds, metrics.DepthPct, metrics.FppaDeg(_drill.Side)));

    /// <summary>The drill moves on by itself (hold, reveal, stand up); "Next" has nothing to do.</summary>
    public void Advance(double timeSeconds)
    {
    }

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject("drill");
        json.WriteString("side", _drill.Side.ToName());
        json.WriteNumber("trial", _drill.TrialNumber);
        json.WriteNumber("trials", DrillSettings.Default.TrialsPerSide);
        json.WriteString("phase", _drill.Phase.ToString().ToLowerInvariant());
        json.WriteString("prompt", _drill.Prompt);
        json.WriteNumber("hold", Math.Round(_drill.HoldElapsedSeconds, 1));
        json.WriteNumber("done", _drill.TrialsCompleted);
        json.WriteStartArray("result");
        if (_drill.Phase == DrillPhase.Finished)
        {
            json.WriteStringValue(_drill.Result.Left.Describe());
            json.WriteStringValue(_drill.Result.Right.Describe());
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public void Store(string sessionFolder)
    {
        var result = _drill.Result;
        using (var trials = new StreamWriter(Path.Combine(sessionFolder, TrialsFile)))
        {
            DrillCsv.WriteTrials(result, trials);
        }

        using var summary = new StreamWriter(Path.Combine(sessionFolder, SummaryFile));
        DrillCsv.WriteSummary(result, summary);
    }
}
