using System.Net;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ValgusVision.Web.Tests;

/// <summary>
/// The app as a clinician uses it, in real Chromium (Debian's, driven by Playwright; no browser download): create a
/// client, upload the sample, wait for the analysis, open the report and the overlay video, import a second session,
/// see the progress chart; log in when bound to another address. Screenshots of every page at desktop and phone
/// width go to VALGUS_SCREENSHOTS (default: a folder in the temp directory, named in the test output).
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    internal static readonly string Shots = Environment.GetEnvironmentVariable("VALGUS_SCREENSHOTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Path.GetTempPath(), "valgus-web-screenshots");

    [ChromiumFact]
    public async Task AClientsSessionGoesFromUploadToReportAndProgress()
    {
        await using var clinic = await Clinic.StartAsync();
        string root = clinic.Http.BaseAddress!.ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync(root + "/clients");
        await page.FillAsync("#name", "Ann <b>Smith</b>");
        await page.ClickAsync("button:has-text('Create client')");
        await page.WaitForURLAsync("**/clients/1");
        Assert.Equal("Ann <b>Smith</b>", await page.InnerTextAsync("h1")); // shown as text, not bold markup

        await page.SetInputFilesAsync("#video", Clinic.Sample);
        await page.FillAsync("#date", "2026-11-02");
        await page.CheckAsync("input[name=screen] >> nth=0");
        await page.ClickAsync("button:has-text('Upload and analyse')");
        await page.WaitForURLAsync("**/sessions/1");
        Assert.True(await page.IsVisibleAsync("#progress"));
        await ShotAsync(page, "session-analysing");

        // The page reloads itself until the analysis is done.
        await page.WaitForSelectorAsync("#report", new() { Timeout = 180_000 });
        var report = page.FrameLocator("#report");
        Assert.Contains("FPPA", await report.Locator("body").InnerTextAsync());
        double duration = await page.EvalOnSelectorAsync<double>(
            "#overlay", "v => new Promise(ok => v.readyState >= 1 ? ok(v.duration) : v.addEventListener('loadedmetadata', () => ok(v.duration)))");
        Assert.InRange(duration, 4, 6); // the 5 s sample, overlaid
        string left = await page.InnerTextAsync("tr:has-text('left') td");
        Assert.EndsWith("°", left);

        // A second session, imported from the command line's outputs two weeks later.
        var sample = await AnalysedSample.GetAsync();
        await page.GotoAsync(root + "/clients/1");
        await page.SetInputFilesAsync("#report", sample.ReportJson);
        await page.SetInputFilesAsync("#frames", sample.FramesCsv);
        await page.FillAsync("#idate", "2026-11-16");
        await page.ClickAsync("button:has-text('Import')");
        await page.WaitForURLAsync("**/sessions/2");

        await page.GotoAsync(root + "/clients/1/progress");
        int points = await page.Locator("#chart-fppa g.series[data-name='left, single-leg squat'] circle").CountAsync();
        Assert.Equal(2, points);
        Assert.Equal(1, await page.Locator("#chart-fppa g.screen").CountAsync());
        Assert.Equal(0, await page.Locator("#chart-fppa g.series[data-name='right, single-leg squat']").CountAsync()); // never measured: not drawn

        foreach (var (name, path) in new[] { ("clients", "/clients"), ("client", "/clients/1"), ("session", "/sessions/1"), ("progress", "/clients/1/progress") })
        {
            foreach (int width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, width > 600 ? 900 : 844);
                await page.GotoAsync(root + path);
                if (name == "session")
                {
                    await page.FrameLocator("#report").Locator("h1").WaitForAsync(); // the report frame painted
                }

                await ShotAsync(page, $"{name}-{width}");
            }
        }

        output.WriteLine($"screenshots in {Shots}");
    }

    [ChromiumFact]
    public async Task BoundToAnotherAddressTheBrowserMustLogIn()
    {
        await using var clinic = await Clinic.StartAsync(o => o with { Bind = IPAddress.Any, InitialPassword = "physio-password-1" });
        string root = clinic.Http.BaseAddress!.ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await page.GotoAsync(root + "/clients");
        await page.WaitForURLAsync("**/login**", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("#password");
        await ShotAsync(page, "login-390");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button:has-text('Log in')");
        Assert.Equal("wrong password", await page.InnerTextAsync("#problem"));
        await page.FillAsync("#password", "physio-password-1");
        await page.ClickAsync("button:has-text('Log in')");
        await page.WaitForURLAsync("**/clients", new() { WaitUntil = WaitUntilState.Commit });
        Assert.Equal("Clients", await page.InnerTextAsync("h1"));
        await page.ClickAsync("#password-link");
        await page.WaitForURLAsync("**/password", new() { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("#current", "physio-password-1");
        await page.FillAsync("#new", "physio-password-2");
        await page.FillAsync("#repeat", "physio-password-2");
        await page.ClickAsync("button:has-text('Change the password')");
        Assert.Contains("The password was changed", await page.InnerTextAsync("#done"));
        await ShotAsync(page, "password-390");
        await page.GotoAsync(root + "/clients"); // still signed in after the change
        Assert.Equal("Clients", await page.InnerTextAsync("h1"));
        await page.ClickAsync("button:has-text('Log out')");
        try
        {
            // Commit, then the form: under load the login page's "load" event was once missed (a fresh clone's
            // ./test.sh in a pseudo-terminal, 2026-12-07: at /login, showing the form, yet the wait timed out).
            await page.WaitForURLAsync("**/login**", new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForSelectorAsync("#password");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"log out did not reach the login page: at {page.Url}: {await page.InnerTextAsync("body")}");
        }
    }

    /// <param name="args">More Chromium switches (the live tests' fake camera).</param>
    internal static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] args) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = ChromiumFactAttribute.Chromium,
        Headless = true,
        Args = ["--no-sandbox", .. args], // the CI runs as root, where Chromium's sandbox cannot start
    });

    internal static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
    }
}

/// <summary>A test that needs Debian's Chromium; skipped, saying so, without it.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"no {Chromium} (Debian's chromium package)";
        }
    }
}
