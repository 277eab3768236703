using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using ValgusVision.Web.Storage;
using Xunit.Abstractions;

namespace ValgusVision.Web.Tests;

/// <summary>Load and faults: many uploads at once, a corrupt one among them, and the server killed mid-analysis.</summary>
public sealed partial class FaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwentyQueuedUploadsAreAllAnalysedAndACorruptOneFailsAlone()
    {
        using var clips = new ScratchFolder();
        // A second of the sample keeps 20 analyses short; they still run the whole pipeline, overlay and reports included.
        string clip = clips.File("short.mp4");
        ScratchFolder.Ffmpeg("-i", Clinic.Sample, "-t", "1", "-c:v", "libx264", "-preset", "ultrafast", "-an", clip);
        byte[] video = await File.ReadAllBytesAsync(clip);
        // A real MP4 header, then noise: passes the content check, fails in the decoder.
        byte[] corrupt = new byte[200_000];
        new Random(7).NextBytes(corrupt);
        video.AsSpan(0, 32).CopyTo(corrupt);

        await using var clinic = await Clinic.StartAsync();
        long id = await clinic.CreateClientAsync("Load test");
        var watch = Stopwatch.StartNew();
        var uploads = new List<long>();
        for (int i = 0; i < 21; i++)
        {
            uploads.Add(await clinic.UploadAsync(id, i == 10 ? corrupt : video, $"2026-11-{1 + i % 28:00}"));
        }

        var results = new List<Session>();
        foreach (long session in uploads)
        {
            results.Add(await clinic.WaitAsync(session, TimeSpan.FromMinutes(6)));
        }

        output.WriteLine($"21 uploads (20 one-second clips + 1 corrupt) queued and analysed in {watch.Elapsed.TotalSeconds:0.0} s");
        var failed = Assert.Single(results, s => s.State == SessionState.Failed);
        Assert.Equal(uploads[10], failed.Id);
        Assert.False(string.IsNullOrWhiteSpace(failed.Problem));
        Assert.DoesNotContain('\n', failed.Problem);
        Assert.DoesNotContain(clinic.DataFolder, failed.Problem);
        output.WriteLine($"corrupt upload: {failed.Problem}");
        Assert.All(results.Where(s => s.Id != failed.Id), s => Assert.Equal(SessionState.Done, s.State));
        Assert.Contains(WebUtility.HtmlEncode(failed.Problem!), await clinic.Http.GetStringAsync($"/sessions/{failed.Id}"));
        Assert.DoesNotContain("input.mp4", failed.Problem);
    }

    [Fact]
    public async Task KillingTheServerMidAnalysisLosesNothingAndTheRestartFinishesIt()
    {
        using var data = new ScratchFolder();
        var (server, address) = await StartValgusAsync(data.Path);
        long client, session;
        try
        {
            using var http = Browser(address, out var cookies);
            string token = Token(await http.GetStringAsync("/clients"));
            var created = await http.PostAsync("/clients", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("name", "Kill test"), new("notes", "")]));
            client = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
            token = Token(await http.GetStringAsync($"/clients/{client}"));
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("2026-11-05"), "date" },
                { new StringContent("auto"), "exercise" },
                { new ByteArrayContent(await File.ReadAllBytesAsync(Clinic.Sample)), "video", "sample.mp4" },
            };
            var uploaded = await http.PostAsync($"/clients/{client}/sessions/upload", form);
            session = Clinic.SessionId(uploaded);
            var until = DateTime.UtcNow.AddMinutes(2);
            while (!(await http.GetStringAsync($"/sessions/{session}")).Contains("analysing: finding the pose", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < until, "the analysis never started");
                await Task.Delay(100);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await server.WaitForExitAsync();
        }

        using (var db = new SqliteConnection($"Data Source={Path.Combine(data.Path, "clinic.db")};Pooling=false"))
        {
            db.Open();
            using var check = new SqliteCommand("PRAGMA integrity_check", db);
            Assert.Equal("ok", check.ExecuteScalar());
            using var state = new SqliteCommand($"SELECT state FROM sessions WHERE id = {session}", db);
            Assert.Equal("Running", state.ExecuteScalar());
        }

        var (again, address2) = await StartValgusAsync(data.Path);
        try
        {
            using var http = Browser(address2, out _);
            Assert.Contains("Kill test", await http.GetStringAsync($"/clients/{client}"));
            var until = DateTime.UtcNow.AddMinutes(3);
            string page;
            while (!(page = await http.GetStringAsync($"/sessions/{session}")).Contains("id=\"report\"", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("failed", page);
                Assert.True(DateTime.UtcNow < until, "the re-queued session was not finished after the restart");
                await Task.Delay(250);
            }
        }
        finally
        {
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync();
        }
    }

    private static HttpClient Browser(Uri address, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    /// <summary>Runs the real <c>valgus serve</c> (the CLI built beside the tests) and reads the address it prints.</summary>
    private static async Task<(Process, Uri)> StartValgusAsync(string data)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "valgus.dll"), "serve", "--port", "0", "--data", data })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        var read = process.StandardOutput.ReadLineAsync();
        if (await Task.WhenAny(read, Task.Delay(TimeSpan.FromMinutes(1))) != read || await read is not { } line)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("valgus serve did not print its address");
        }

        _ = process.StandardOutput.ReadToEndAsync();
        var match = AddressPattern().Match(line);
        Assert.True(match.Success, $"valgus serve printed: {line}");
        return (process, new Uri(match.Value));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex AddressPattern();
}
