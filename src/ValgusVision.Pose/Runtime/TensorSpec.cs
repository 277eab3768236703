namespace ValgusVision.Pose.Runtime;

/// <summary>A named float tensor of fixed shape that a model must have (docs/pose-pipeline.md#detector-input, #landmark-model).</summary>
public sealed record TensorSpec(string Name, long[] Shape)
{
    public int ElementCount
    {
        get
        {
            long n = 1;
            foreach (long d in Shape)
            {
                n *= d;
            }

            return checked((int)n);
        }
    }

    public override string ToString() => $"{Name} [{string.Join(",", Shape)}]";
}
