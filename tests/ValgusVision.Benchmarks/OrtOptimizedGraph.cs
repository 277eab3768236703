using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace ValgusVision.Benchmarks;

/// <summary>
/// What ONNX Runtime makes of a model, with the pipeline's session settings (ORT_ENABLE_ALL, 2 threads, no
/// spinning): the optimised graph it runs, and where the time goes per node (ORT's own profiler).
/// </summary>
public static class OrtOptimizedGraph
{
    /// <summary>Writes the graph ORT runs after its optimisers (NCHWc reorders and fusions visible).</summary>
    public static void Save(string model, string output)
    {
        using SessionOptions options = new OrtSettings().ToSessionOptions();
        options.OptimizedModelFilePath = output;
        using var session = new InferenceSession(model, options);
        Console.WriteLine($"{model}: optimised graph written to {output}");
    }

    /// <summary>Runs <paramref name="runs"/> inferences under ORT's profiler and prints the total time per op type and the slowest nodes.</summary>
    public static void Profile(string model, int size, int runs)
    {
        using SessionOptions options = new OrtSettings().ToSessionOptions();
        options.EnableProfiling = true;
        options.ProfileOutputPathPrefix = Path.Combine(Path.GetTempPath(), "valgus-ort-profile");
        float[] input = ModelInferenceFiles.Input(size);
        string file;
        using (var runner = new OrtModelRunner(model, options, input))
        {
            for (int i = 0; i < runs + 3; i++)
            {
                runner.Run();
            }

            file = runner.EndProfiling();
        }

        var perNode = new Dictionary<string, (string Op, double Us)>();
        using (JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file)))
        {
            foreach (JsonElement e in doc.RootElement.EnumerateArray())
            {
                if (e.GetProperty("cat").GetString() != "Node" || !e.GetProperty("name").GetString()!.EndsWith("_kernel_time", StringComparison.Ordinal))
                {
                    continue;
                }

                string name = e.GetProperty("name").GetString()!;
                string op = e.GetProperty("args").GetProperty("op_name").GetString()!;
                double us = e.GetProperty("dur").GetDouble();
                perNode[name] = (op, (perNode.TryGetValue(name, out var old) ? old.Us : 0) + us);
            }
        }

        File.Delete(file);
        double total = perNode.Values.Sum(v => v.Us) / (runs + 3);
        Console.WriteLine($"{Path.GetFileName(model)}: {perNode.Count} nodes, {total / 1000:F2} ms of kernel time per run (mean of {runs + 3})");
        foreach (var g in perNode.Values.GroupBy(v => v.Op).OrderByDescending(g => g.Sum(v => v.Us)))
        {
            Console.WriteLine($"  {g.Key,-16} {g.Count(),4} nodes {g.Sum(v => v.Us) / (runs + 3) / 1000,7:F2} ms");
        }

        foreach (var n in perNode.OrderByDescending(n => n.Value.Us).Take(int.TryParse(Environment.GetEnvironmentVariable("VALGUS_PROFILE_TOP"), out int top) ? top : 25))
        {
            Console.WriteLine($"  {n.Value.Us / (runs + 3) / 1000,6:F3} ms  {n.Value.Op,-14} {n.Key[..Math.Min(110, n.Key.Length)]}");
        }
    }
}
