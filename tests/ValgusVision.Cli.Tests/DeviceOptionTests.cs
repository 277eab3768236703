using ValgusVision.Pose.Runtime;

namespace ValgusVision.Cli.Tests;

/// <summary><c>--device</c> on every command that runs the pose engine: refused in one line, exit 2, before any work, where CUDA is not there.</summary>
public sealed class DeviceOptionTests : IDisposable
{
    private readonly AnalyzeTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> Commands => ["analyze", "batch", "live"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Cuda_where_it_is_not_there_is_one_line_exit_2_and_no_output(string command)
    {
        // The CPU build always refuses (ExecutionDeviceTests pins its words); the GPU build refuses without a usable GPU.
        if (ExecutionDevices.UnavailableReason(ExecutionDevice.Cuda) is not { } reason)
        {
            return; // the GPU build on a CUDA machine: nothing to refuse
        }

        string[] args = command switch
        {
            "analyze" => ["analyze", TestPaths.Image("coco/000000000785.jpg"), "--out", _files.File("out"), "--device", "cuda"],
            "batch" => ["batch", Path.Combine(TestPaths.TestData, "videos"), "--out", _files.File("out"), "--device", "cuda"],
            _ => ["live", "--camera", TestPaths.Video("mmpose-demo-5frames.mp4"), "--headless", "--record", _files.File("out"), "--device", "cuda"],
        };
        var (code, error) = await AnalyzeTestFiles.Run(args);
        Assert.Equal(CliError.BadInput, code);
        Assert.Equal("valgus: " + reason, error.Trim());
        Assert.False(Directory.Exists(_files.File("out")));
    }

    [Fact]
    public async Task Unknown_device_is_one_line_exit_2()
    {
        var (code, error) = await AnalyzeTestFiles.Run("analyze", TestPaths.Image("coco/000000000785.jpg"), "--out", _files.Scratch, "--device", "tpu");
        Assert.Equal(CliError.BadInput, code);
        Assert.Equal("valgus: --device: 'tpu' is neither cpu nor cuda", error.Trim());
    }
}
