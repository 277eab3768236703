using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ValgusVision.Web.Pages;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Security;

/// <summary>
/// Log in and out, when the app is reachable from other machines. One password for the clinic (hashed in the
/// database); a wrong one waits a second, which makes guessing slow without locking the clinic out.
/// </summary>
public static class LoginPages
{
    public const string PasswordKey = "password-hash";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context) => Form(context, null)).AllowAnonymous();
        app.MapPost("/login", LoginAsync).AllowAnonymous();
        app.MapPost("/logout", LogoutAsync);
    }

    private static IResult Form(HttpContext context, string? problem, int status = 200) => Layout.Page(context, "Log in", H($"""
        <div class="card" style="max-width:26rem;margin:2rem auto"><h1>Log in</h1>
        <p class="muted">This ValgusVision holds health data; it is reachable from other machines, so it asks for the clinic's password.</p>
        {When(problem is not null, H($"<p class=\"problem\" id=\"problem\">{problem}</p>"))}
        <form method="post" action="/login">{Layout.Token(context)}
        <label for="password">Password</label><input type="password" id="password" name="password" required autofocus autocomplete="current-password">
        <button>Log in</button></form></div>
        """), status);

    private static async Task<IResult> LoginAsync(HttpContext context, ClinicServices clinic)
    {
        var read = await Forms.ReadAsync(context, clinic.Options.UploadLimitBytes);
        if (read.Form is not { } form)
        {
            return read.Refusal!;
        }

        string? stored = await clinic.Store.GetSettingAsync(PasswordKey, context.RequestAborted);
        if (stored is null || !PasswordHash.Verify(form["password"].ToString(), stored))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
            return Form(context, "wrong password", StatusCodes.Status401Unauthorized);
        }

        await PasswordStamp.SignInAsync(context, stored);
        return Results.Redirect("/clients");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, ClinicServices clinic)
    {
        var read = await Forms.ReadAsync(context, clinic.Options.UploadLimitBytes);
        if (read.Form is null)
        {
            return read.Refusal!;
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/login");
    }
}
