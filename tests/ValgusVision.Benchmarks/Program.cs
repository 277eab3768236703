using BenchmarkDotNet.Running;

// `interleaved [rounds] [models…]`: ORT vs OpenCV DNN per model in one interleaved run (BenchmarkDotNet cannot interleave).
if (args.Length > 0 && args[0] == "interleaved")
{
    ValgusVision.Benchmarks.ModelInferenceInterleaved.Run(args[1..]);
    return;
}

// `ort-graph MODEL.onnx OUT.onnx [level]`: saves the graph ONNX Runtime actually runs (after its optimisers), to see
// which nodes fall out of the blocked NCHWc layout (ReorderInput/ReorderOutput) or stay unfused.
if (args.Length >= 3 && args[0] == "ort-graph")
{
    ValgusVision.Benchmarks.OrtOptimizedGraph.Save(args[1], args[2]);
    return;
}

// `ort-profile MODEL.onnx SIZE [runs]`: ORT's per-node profile, summed per op type, slowest nodes listed.
if (args.Length >= 3 && args[0] == "ort-profile")
{
    ValgusVision.Benchmarks.OrtOptimizedGraph.Profile(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

// `compare ROUNDS SIZE a.onnx b.onnx …`: the same model converted different ways, interleaved (ORT default settings).
if (args.Length >= 4 && args[0] == "compare")
{
    ValgusVision.Benchmarks.ModelInferenceInterleaved.CompareFiles(
        int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3..]);
    return;
}

// `convert IN.tflite OUT.onnx`: the converter of this build, for comparing its graph with a committed model's.
if (args.Length == 3 && args[0] == "convert")
{
    ValgusVision.ModelTools.Converter.TfLiteToOnnxConverter.ConvertFile(args[1], args[2]);
    return;
}

// `pose-frames ROUNDS DIR…`: 720p tracking frames with the models of each folder, interleaved, per-stage medians.
if (args.Length >= 3 && args[0] == "pose-frames")
{
    ValgusVision.Benchmarks.PoseFrameInterleaved.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
