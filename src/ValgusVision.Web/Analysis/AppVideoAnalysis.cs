using ValgusVision.App;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Recording;

namespace ValgusVision.Web.Analysis;

/// <summary>
/// The adapter over the App layer's analysis entry point (<see cref="AnalysisJob"/>, the same run as
/// <c>valgus analyze</c>): the only class here that knows it, so pointing the web app at another entry point is one edit.
/// One job per exercise, kept, because loading the models costs more than a short clip. Called by one worker at a time.
/// </summary>
public sealed class AppVideoAnalysis : IVideoAnalysis, IDisposable
{
    private readonly Dictionary<Exercise, AnalysisJob> _jobs = [];
    private readonly AnalyzeOptions _defaults;

    public AppVideoAnalysis(AnalyzeOptions? defaults = null) => _defaults = defaults ?? new AnalyzeOptions();

    public async Task RunAsync(string input, OutputPaths outputs, string exercise, RecordingTime? recordedAt, IProgress<JobProgress> progress, CancellationToken cancellation)
    {
        var choice = ExerciseNames.Parse(exercise) ?? throw new ArgumentException($"unknown exercise '{exercise}'");
        if (!_jobs.TryGetValue(choice, out var job))
        {
            job = new AnalysisJob(_defaults with
            {
                OutputDirectory = outputs.Directory,
                Settings = _defaults.Settings with { Exercise = choice },
            });
            _jobs[choice] = job;
        }

        await job.RunAsync(input, outputs.Name, outputs, recordedAt, progress, cancellation);
    }

    public void Dispose()
    {
        foreach (var job in _jobs.Values)
        {
            job.Dispose();
        }

        _jobs.Clear();
    }
}
