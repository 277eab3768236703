using System.Net;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Tests;

/// <summary>The app over real HTTP: pages, forms, refusals, what is kept on disk.</summary>
public sealed class HttpTests
{
    [Fact]
    public async Task MarkupInAClientNameIsShownAsTextEverywhere()
    {
        await using var clinic = await Clinic.StartAsync();
        const string name = "<script>alert('x')</script><img src=x onerror=alert(1)> \"Zoë\" & co";
        long id = await clinic.CreateClientAsync(name);
        foreach (var page in new[] { "/clients", $"/clients/{id}", $"/clients/{id}/progress", "/clients?q=" + Uri.EscapeDataString("<script>") })
        {
            string html = await clinic.Http.GetStringAsync(page);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        }
    }

    [Fact]
    public async Task AFormWithoutItsTokenIsRefused()
    {
        await using var clinic = await Clinic.StartAsync();
        var response = await clinic.Http.PostAsync("/clients", new FormUrlEncodedContent([new("name", "Mallory")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await clinic.Server.Store.FindClientsAsync(null));
    }

    [Fact]
    public async Task ClientsAreFoundEditedAndDeletedWithAllTheirFiles()
    {
        await using var clinic = await Clinic.StartAsync();
        long ann = await clinic.CreateClientAsync("Ann Smith");
        await clinic.CreateClientAsync("Bob Jones");
        string found = await clinic.Http.GetStringAsync("/clients?q=smi");
        Assert.Contains("Ann Smith", found);
        Assert.DoesNotContain("Bob Jones", found);

        var edit = await clinic.PostAsync($"/clients/{ann}", $"/clients/{ann}/edit", ("name", "Ann Smith-Jones"), ("notes", "ACL 2025"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains("ACL 2025", await clinic.Http.GetStringAsync($"/clients/{ann}"));

        var sample = await AnalysedSample.GetAsync();
        var import = await clinic.PostFilesAsync(ann, "import", [("report", "x.json", await File.ReadAllBytesAsync(sample.ReportJson))], ("date", "2026-11-01"));
        var session = (await clinic.Server.Store.GetSessionAsync(Clinic.SessionId(import)))!;
        string folder = Path.Combine(clinic.DataFolder, "clients", ann.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(File.Exists(Path.Combine(folder, session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "session.report.json")));

        var unconfirmed = await clinic.PostAsync($"/clients/{ann}", $"/clients/{ann}/delete");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var delete = await clinic.PostAsync($"/clients/{ann}", $"/clients/{ann}/delete", ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.False(Directory.Exists(folder));
        Assert.Null(await clinic.Server.Store.GetSessionAsync(session.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Http.GetAsync($"/clients/{ann}")).StatusCode);
    }

    [Fact]
    public async Task AnImportedReportIsASessionWithItsNumbers()
    {
        await using var clinic = await Clinic.StartAsync();
        long id = await clinic.CreateClientAsync("Cleo");
        var sample = await AnalysedSample.GetAsync();
        var response = await clinic.PostFilesAsync(
            id, "import",
            [("report", "a.json", await File.ReadAllBytesAsync(sample.ReportJson)), ("frames", "a.csv", await File.ReadAllBytesAsync(sample.FramesCsv))],
            ("date", "2026-11-03"), ("screen", "1"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = (await clinic.Server.Store.GetSessionAsync(Clinic.SessionId(response)))!;
        Assert.Equal(SessionState.Done, session.State);
        Assert.Equal("squat", session.Metrics.Exercise);
        Assert.InRange(session.Metrics.LeftFppaDeg!.Value, 10, 20); // the sample is rendered with 15° of valgus
        Assert.Null(session.Metrics.RightFppaDeg); // it never stands on the right leg: unknown, not 0
        string page = await clinic.Http.GetStringAsync($"/sessions/{session.Id}");
        Assert.Contains("/files/frames.csv", page);
        Assert.Equal(HttpStatusCode.OK, (await clinic.Http.GetAsync($"/sessions/{session.Id}/files/report.json")).StatusCode);
    }

    [Fact]
    public async Task AnImportThatIsNotOurReportIsOneLineAndNoSession()
    {
        await using var clinic = await Clinic.StartAsync();
        long id = await clinic.CreateClientAsync("Dan");
        foreach (var bytes in new[] { "not json"u8.ToArray(), """{"schema":"something/else"}"""u8.ToArray() })
        {
            var response = await clinic.PostFilesAsync(id, "import", [("report", "r.json", bytes)], ("date", "2026-11-03"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("report.json is not", await response.Content.ReadAsStringAsync());
        }

        Assert.Empty(await clinic.Server.Store.ListSessionsAsync(id));
    }

    [Fact]
    public async Task ANonVideoUploadIsRefusedByItsContentAndLeavesNothing()
    {
        await using var clinic = await Clinic.StartAsync();
        long id = await clinic.CreateClientAsync("Eve");
        // Named .mp4, but it is text: the name the browser sends decides nothing.
        var response = await clinic.PostFilesAsync(id, "upload", [("video", "../../etc/passwd.mp4", "hello, this is not a video"u8.ToArray())],
            ("date", "2026-11-03"), ("exercise", "auto"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("not a video", await response.Content.ReadAsStringAsync());
        Assert.Empty(await clinic.Server.Store.ListSessionsAsync(id));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(clinic.DataFolder, "incoming")));
        Assert.False(Directory.Exists(Path.Combine(clinic.DataFolder, "clients")));
    }

    [Fact]
    public async Task AnOversizedUploadIsRefusedAndLeavesNothing()
    {
        await using var clinic = await Clinic.StartAsync(o => o with { UploadLimitBytes = 256 * 1024 });
        long id = await clinic.CreateClientAsync("Fay");
        byte[] big = new byte[600 * 1024];
        "\0\0\0\u0018ftypisom"u8.CopyTo(big);
        var response = await clinic.PostFilesAsync(id, "upload", [("video", "big.mp4", big)], ("date", "2026-11-03"), ("exercise", "auto"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await clinic.Server.Store.ListSessionsAsync(id));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(clinic.DataFolder, "incoming")));
    }

    [Fact]
    public async Task OnlyTheSessionsOwnFilesCanBeFetched()
    {
        await using var clinic = await Clinic.StartAsync();
        foreach (var path in new[] { "/sessions/1/files/..%2F..%2Fclinic.db", "/sessions/1/files/clinic.db", "/sessions/999/files/report.json" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await clinic.Http.GetAsync(path)).StatusCode);
        }
    }
}
