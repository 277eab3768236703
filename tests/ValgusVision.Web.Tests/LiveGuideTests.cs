using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Live.Session;
using ValgusVision.Web.Live;

namespace ValgusVision.Web.Tests;

/// <summary>The browser's guided protocol without a browser: the page's "Next" moves the live command's protocol, and its sets are stored as a table.</summary>
public sealed class LiveGuideTests
{
    [Fact]
    public void NextStartsAndEndsASetAndTheStoredRowLeavesAnFppaWithoutRepsEmpty()
    {
        var guide = new LiveGuide(Side.Right, AnalysisSettings.Default);
        guide.Advance(1.0); // Ready → Active
        guide.Advance(4.5); // Active → Summary: ended early
        var set = Assert.Single(guide.Summaries);
        Assert.Equal(Side.Right, set.Step.Side);
        Assert.Equal(3.5, set.DurationSeconds, 6);

        string[] rows = guide.Csv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("1,hitch,right,1,1,3.5,0,0,,,\"", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ThePromptsNameThePagesButtonNotTheSpaceKey()
    {
        var guide = new LiveGuide(Side.Left, AnalysisSettings.Default);
        string ready = Prompt(guide);
        Assert.EndsWith(". Press Start set", ready, StringComparison.Ordinal);
        guide.Advance(1.0);
        guide.Advance(2.0);
        string summary = Prompt(guide);
        Assert.EndsWith(". Press Next", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("space", ready + summary, StringComparison.OrdinalIgnoreCase);
    }

    private static string Prompt(LiveGuide guide)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            guide.Write(json);
            json.WriteEndObject();
        }

        using var doc = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.GetProperty("protocol").GetProperty("prompt").GetString()!;
    }

    [Theory]
    [InlineData(null, LiveMode.Free)]
    [InlineData("guided", LiveMode.Guided)]
    [InlineData("drill", LiveMode.Drill)]
    public void TheModeComesFromTheQuery(string? mode, LiveMode expected) =>
        Assert.Equal(expected, LiveRequest.Parse("auto", "left", "0", mode, out _)!.Mode);
}
