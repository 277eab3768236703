using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace ValgusVision.Benchmarks;

/// <summary>
/// ORT (our ONNX, several settings) against OpenCV DNN (the TFLite) on each model, one inference of each
/// in turn, round after round, so every contender sees the same machine noise; reports medians. Run with
/// <c>dotnet run -c Release -- interleaved [rounds] [models…]</c>. BenchmarkDotNet cannot interleave,
/// which is why this exists next to <see cref="ModelInferenceBenchmarks"/>.
/// </summary>
public static class ModelInferenceInterleaved
{
    /// <summary>The settings compared: the chosen default first, then one change at a time.</summary>
    public static readonly OrtSettings[] Settings =
    [
        new(),
        new(AllowSpinning: true),
        new(IntraOpThreads: 1),
        new(Optimization: GraphOptimizationLevel.ORT_ENABLE_EXTENDED),
        new(Optimization: GraphOptimizationLevel.ORT_ENABLE_BASIC),
        new(MemoryPattern: false, CpuArena: false),
    ];

    public static void Run(string[] args)
    {
        int rounds = args.Length > 0 && int.TryParse(args[0], out int r) ? r : 30;
        string[] wanted = args.Skip(1).ToArray();
        Cv2.SetNumThreads(2);
        Console.WriteLine($"| model | contender | median ms | p10 ms | p90 ms | ratio to OpenCV | CPU ms (median) |");
        Console.WriteLine($"|---|---|---|---|---|---|---|");
        foreach ((string model, int size) in ModelInferenceFiles.Models)
        {
            if (wanted.Length > 0 && !wanted.Contains(model))
            {
                continue;
            }

            RunModel(model, size, rounds);
        }
    }

    /// <summary>
    /// Several ONNX files of one model (e.g. two converter versions) under the default ORT settings, interleaved;
    /// a file name containing a landmark or detector model's name also brings in OpenCV DNN on its TFLite.
    /// </summary>
    public static void CompareFiles(int rounds, int size, string[] files)
    {
        Cv2.SetNumThreads(2);
        float[] input = ModelInferenceFiles.Input(size);
        var contenders = new List<(string Label, Action Run, IDisposable Owner)>();
        foreach (string file in files)
        {
            var runner = new OrtModelRunner(file, new OrtSettings(), input);
            contenders.Add((Path.GetFileName(file), runner.Run, runner));
        }

        string? model = ModelInferenceFiles.Models.Select(m => m.Model).FirstOrDefault(m => files.Any(f => f.Contains(m, StringComparison.Ordinal)));
        if (model is not null && model != "pose_detection")
        {
            var cv = new OpenCvModelRunner(ModelInferenceFiles.TfLite(model), size, input);
            contenders.Add(("OpenCV DNN t2", cv.Run, cv));
        }

        Console.WriteLine($"| file | median ms | p10 ms | p90 ms | ratio to OpenCV | CPU ms (median) |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        RunContenders(model ?? "?", contenders, rounds, withModelColumn: false);
    }

    private static void RunModel(string model, int size, int rounds)
    {
        float[] input = ModelInferenceFiles.Input(size);
        var contenders = new List<(string Label, Action Run, IDisposable Owner)>();
        foreach (OrtSettings s in Settings)
        {
            var runner = new OrtModelRunner(ModelInferenceFiles.Onnx(model), s, input);
            contenders.Add((s.Label, runner.Run, runner));
        }

        try
        {
            var cv = new OpenCvModelRunner(ModelInferenceFiles.TfLite(model), size, input);
            contenders.Add(("OpenCV DNN t2", cv.Run, cv));
        }
        catch (Exception e) when (e is OpenCVException or InvalidOperationException)
        {
            // pose_detection uses DENSIFY, which OpenCV's TFLite importer cannot load.
            Console.WriteLine($"| {model} | OpenCV DNN | does not load: {e.Message.Split('\n')[0]} | | | |");
        }

        RunContenders(model, contenders, rounds, withModelColumn: true);
    }

    private static void RunContenders(string model, List<(string Label, Action Run, IDisposable Owner)> contenders, int rounds, bool withModelColumn)
    {
        // CPU time (all the process's threads) beside wall time: on a machine shared with other work the wall
        // clock also counts waiting for a core, CPU time mostly counts the work itself.
        var times = contenders.Select(_ => new List<double>()).ToArray();
        var cpu = contenders.Select(_ => new List<double>()).ToArray();
        for (int round = -3; round < rounds; round++)
        {
            // Rotate the order so no contender always runs right after the same neighbour.
            for (int k = 0; k < contenders.Count; k++)
            {
                int c = (k + Math.Max(round, 0)) % contenders.Count;
                double cpuStart = ProcessCpuClock.Milliseconds();
                long start = Stopwatch.GetTimestamp();
                contenders[c].Run();
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                double cpuMs = ProcessCpuClock.Milliseconds() - cpuStart;
                if (round >= 0)
                {
                    times[c].Add(ms);
                    cpu[c].Add(cpuMs);
                }
            }
        }

        double? openCv = contenders.FindIndex(c => c.Label.StartsWith("OpenCV", StringComparison.Ordinal)) is int i and >= 0
            ? Percentile(times[i], 0.5)
            : null;
        for (int c = 0; c < contenders.Count; c++)
        {
            double median = Percentile(times[c], 0.5);
            string ratio = openCv is { } o ? $"{median / o:F2}" : "–";
            string prefix = withModelColumn ? $"| {model} " : string.Empty;
            Console.WriteLine($"{prefix}| {contenders[c].Label} | {median:F1} | {Percentile(times[c], 0.1):F1} | {Percentile(times[c], 0.9):F1} | {ratio} | {Percentile(cpu[c], 0.5):F1} |");
            contenders[c].Owner.Dispose();
        }
    }

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }
}
