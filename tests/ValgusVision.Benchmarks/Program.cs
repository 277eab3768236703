using BenchmarkDotNet.Running;

// `interleaved [rounds] [models…]`: ORT vs OpenCV DNN per model in one interleaved run (BenchmarkDotNet cannot interleave).
if (args.Length > 0 && args[0] == "interleaved")
{
    ValgusVision.Benchmarks.ModelInferenceInterleaved.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
