namespace ValgusVision.App;

/// <summary>A batch's state: inputs finished (analysed, skipped or failed) of all, and what one worker is doing now.</summary>
public readonly record struct BatchProgress(int Worker, JobProgress Job, int InputsFinished, int InputsTotal, int FramesDone, long FramesExpected);
