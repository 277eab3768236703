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
