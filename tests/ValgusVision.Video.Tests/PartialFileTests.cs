using System.Diagnostics;
using ValgusVision.Video;

namespace ValgusVision.Video.Tests;

/// <summary>
/// Temporaries a killed run leaves (issue 21 item 3: a SIGKILL left hidden partial overlays that no rerun removed)
/// are removed by the next run in the folder, and only those: a live writer's and every other file stay.
/// </summary>
public sealed class PartialFileTests : IDisposable
{
    private readonly ScratchFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Stale_temporaries_of_ended_processes_go_and_a_running_writers_stay()
    {
        int dead = EndedProcessId();
        using var running = Process.Start("sleep", "60")!;
        Thread.Sleep(50); // the file below is written after the process started, as its own would be
        string staleVideo = Plant($".trial.overlay.partial-{dead}.mp4");
        string stalePdf = Plant($".trial.report.partial-{dead}.pdf");
        string live = Plant($".other.report.partial-{running.Id}.pdf");
        string mine = Plant($".mine.report.partial-{Environment.ProcessId}.pdf");
        string[] kept = [Plant("trial.report.pdf"), Plant(".trial.complete"), Plant("camera.recording.mp4"), Plant(".notes.partial-x.txt")];
        try
        {
            var removed = PartialFile.RemoveStale(_dir.Path);

            Assert.Equal(new[] { stalePdf, staleVideo }.Order(), removed.Order());
            Assert.False(File.Exists(staleVideo));
            Assert.False(File.Exists(stalePdf));
            Assert.True(File.Exists(live), "a running process's temporary was removed");
            Assert.True(File.Exists(mine), "this process's own temporary was removed");
            Assert.All(kept, f => Assert.True(File.Exists(f), f));
        }
        finally
        {
            running.Kill();
        }
    }

    [Fact]
    public void A_temporary_whose_process_id_was_reused_by_a_later_process_is_stale()
    {
        using var later = Process.Start("sleep", "60")!;
        string reused = Plant($".trial.report.partial-{later.Id}.pdf");
        File.SetLastWriteTimeUtc(reused, DateTime.UtcNow.AddHours(-1)); // written long before that process began
        try
        {
            Assert.Equal([reused], PartialFile.RemoveStale(_dir.Path));
        }
        finally
        {
            later.Kill();
        }
    }

    [Fact]
    public void The_first_temporary_name_asked_for_in_a_folder_sweeps_it()
    {
        string stale = Plant($".trial.report.partial-{EndedProcessId()}.pdf");

        string temp = PartialFile.TempPathFor(Path.Combine(_dir.Path, "trial.report.pdf"));

        Assert.False(File.Exists(stale));
        Assert.Equal(Path.Combine(_dir.Path, $".trial.report.partial-{Environment.ProcessId}.pdf"), temp);
    }

    private string Plant(string name)
    {
        string path = _dir.File(name);
        File.WriteAllText(path, "half-written");
        return path;
    }

    private static int EndedProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
