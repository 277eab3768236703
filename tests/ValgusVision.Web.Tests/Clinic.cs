using ValgusVision.Tests.Support;
using System.Net;
using System.Text.RegularExpressions;
using ValgusVision.App;
using ValgusVision.Web.Analysis;

namespace ValgusVision.Web.Tests;

/// <summary>A real server (Kestrel on a free loopback port) over a temporary data folder, and a browser-like client for it.</summary>
internal sealed partial class Clinic : IAsyncDisposable
{
    private readonly ScratchFolder _folder;

    private Clinic(ScratchFolder folder, WebServer server, HttpClient http, CookieContainer cookies)
    {
        _folder = folder;
        Server = server;
        Http = http;
        Cookies = cookies;
    }

    public WebServer Server { get; }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public string DataFolder => _folder.Path;

    public static string Sample => Path.Combine(TestPaths.RepoRoot, "samples", "sls-left-valgus15.mp4");

    public static async Task<Clinic> StartAsync(Func<ServeOptions, ServeOptions>? configure = null, ScratchFolder? folder = null)
    {
        folder ??= new ScratchFolder();
        var options = new ServeOptions { Port = 0, DataFolder = folder.Path };
        options = configure?.Invoke(options) ?? options;
        var server = await WebServer.StartAsync(options);
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{server.Address.Port}"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        return new Clinic(folder, server, http, cookies);
    }

    /// <summary>The anti-forgery token of a page's first form (as a browser would post it back).</summary>
    public async Task<string> TokenAsync(string page)
    {
        string html = await Http.GetStringAsync(page);
        return TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no form token on {page}");
    }

    public async Task<HttpResponseMessage> PostAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        string token = await TokenAsync(page);
        var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await Http.PostAsync(action, form);
    }

    public async Task<long> CreateClientAsync(string name)
    {
        var response = await PostAsync("/clients", "/clients", ("name", name), ("notes", ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts a multipart form (files as (field, file name, bytes)); returns the response.</summary>
    public async Task<HttpResponseMessage> PostFilesAsync(
        long client, string action, (string Field, string FileName, byte[] Bytes)[] files, params (string Name, string Value)[] fields)
    {
        string token = await TokenAsync($"/clients/{client}");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), field, fileName);
        }

        return await Http.PostAsync($"/clients/{client}/sessions/{action}", form);
    }

    public async Task<long> UploadAsync(long client, byte[] video, string date = "2026-11-02", string fileName = "clip.mp4")
    {
        var response = await PostFilesAsync(client, "upload", [("video", fileName, video)], ("date", date), ("exercise", "auto"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return SessionId(response);
    }

    public static long SessionId(HttpResponseMessage response) =>
        long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the session is done or failed, as its page says.</summary>
    public async Task<Storage.Session> WaitAsync(long session, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var s = await Server.Store.GetSessionAsync(session);
            if (s is { State: Storage.SessionState.Done or Storage.SessionState.Failed })
            {
                return s;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"session {session} was not analysed within {timeout}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>
/// The sample analysed once, as <c>valgus analyze</c> would (the same App entry point the server uses): its
/// report.json and frames.csv are what the import tests and the progress chart test bring in.
/// </summary>
internal static class AnalysedSample
{
    private static readonly Lazy<Task<OutputPaths>> Outputs = new(AnalyseAsync);

    public static Task<OutputPaths> GetAsync() => Outputs.Value;

    private static async Task<OutputPaths> AnalyseAsync()
    {
        string folder = Path.Combine(Path.GetTempPath(), "valgus-web-sample-" + Environment.ProcessId);
        var outputs = new OutputPaths(folder, "sample");
        using var analysis = new AppVideoAnalysis(new AnalyzeOptions { Formats = OutputFormats.Csv | OutputFormats.Json });
        await analysis.RunAsync(Clinic.Sample, outputs, "auto", recordedAt: null, new Progress<JobProgress>(), CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return outputs;
    }
}
