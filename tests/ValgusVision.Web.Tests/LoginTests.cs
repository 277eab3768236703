using System.Net;

namespace ValgusVision.Web.Tests;

/// <summary>Bound to an address other machines can reach: a password, stored hashed, and every request behind it.</summary>
public sealed class LoginTests
{
    private const string Password = "knee-valgus-2026";

    [Fact]
    public async Task EveryPageNeedsThePasswordAndAWrongOneIsRefused()
    {
        await using var clinic = await Clinic.StartAsync(o => o with { Bind = IPAddress.Any, InitialPassword = Password });
        foreach (var page in new[] { "/clients", "/clients/1", "/sessions/1/files/report.json", "/clients/1/progress" })
        {
            var response = await clinic.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await clinic.Http.PostAsync("/clients", new FormUrlEncodedContent([new("name", "x")]))).StatusCode);

        var wrong = await clinic.PostAsync("/login", "/login", ("password", "guess-guess"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var right = await clinic.PostAsync("/login", "/login", ("password", Password));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinic.Http.GetAsync("/clients")).StatusCode);
        long id = await clinic.CreateClientAsync("Gus");
        Assert.Contains("Gus", await clinic.Http.GetStringAsync($"/clients/{id}"));

        string stored = (await clinic.Server.Store.GetSettingAsync("password-hash"))!;
        Assert.StartsWith("pbkdf2-sha256$", stored);
        Assert.DoesNotContain(Password, stored);
    }

    [Fact]
    public async Task ThePasswordIsChangedOnlyWithTheCurrentOneAndTheOtherBrowsersAreLoggedOut()
    {
        const string NewPassword = "hip-hitch-5x5s";
        await using var clinic = await Clinic.StartAsync(o => o with { Bind = IPAddress.Any, InitialPassword = Password });
        Assert.Equal(HttpStatusCode.Redirect, (await clinic.PostAsync("/login", "/login", ("password", Password))).StatusCode);
        Assert.Contains("id=\"password-link\"", await clinic.Http.GetStringAsync("/clients"));

        // Another browser, signed in with the same password before the change.
        using var other = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = clinic.Http.BaseAddress };
        string otherToken = TokenOf(await other.GetStringAsync("/login"));
        var otherLogin = await other.PostAsync("/login", new FormUrlEncodedContent([new("__RequestVerificationToken", otherToken), new("password", Password)]));
        Assert.Equal(HttpStatusCode.Redirect, otherLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/clients")).StatusCode);

        var wrong = await clinic.PostAsync("/password", "/password", ("current", "not-the-password"), ("new", NewPassword), ("repeat", NewPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("the current password is wrong", await wrong.Content.ReadAsStringAsync());
        var differ = await clinic.PostAsync("/password", "/password", ("current", Password), ("new", NewPassword), ("repeat", NewPassword + "x"));
        Assert.Equal(HttpStatusCode.BadRequest, differ.StatusCode);
        var shortOne = await clinic.PostAsync("/password", "/password", ("current", Password), ("new", "short"), ("repeat", "short"));
        Assert.Equal(HttpStatusCode.BadRequest, shortOne.StatusCode);
        Assert.True(Security.PasswordHash.Verify(Password, (await clinic.Server.Store.GetSettingAsync("password-hash"))!)); // refused: unchanged

        var changed = await clinic.PostAsync("/password", "/password", ("current", Password), ("new", NewPassword), ("repeat", NewPassword));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("The password was changed", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await clinic.Http.GetAsync("/clients")).StatusCode); // this browser stays in
        var otherAfter = await other.GetAsync("/clients");
        Assert.Equal(HttpStatusCode.Redirect, otherAfter.StatusCode); // the other one is out
        Assert.StartsWith("/login", otherAfter.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, (await clinic.PostAsync("/clients", "/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clinic.PostAsync("/login", "/login", ("password", Password))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clinic.PostAsync("/login", "/login", ("password", NewPassword))).StatusCode);
    }

    [Fact]
    public async Task OnLocalhostThereIsNoPasswordToChange()
    {
        await using var clinic = await Clinic.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Http.GetAsync("/password")).StatusCode);
        Assert.DoesNotContain("password-link", await clinic.Http.GetStringAsync("/clients"));
    }

    private static string TokenOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task ANonLocalAddressWithoutAPasswordDoesNotStart()
    {
        using var folder = new ScratchFolder();
        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            WebServer.StartAsync(new ServeOptions { Port = 0, Bind = IPAddress.Any, DataFolder = folder.Path }));
        Assert.Contains("needs a password", e.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task OnLocalhostThereIsNoLogin()
    {
        await using var clinic = await Clinic.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await clinic.Http.GetAsync("/clients")).StatusCode);
    }
}
