using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ValgusVision.Web.Pages;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Security;

/// <summary>
/// Changing the clinic's password (only when there is one: the app is reachable from other machines). The current
/// password is asked again, so a browser left signed in cannot lock the clinic out; a wrong one waits a second, as
/// at the login. Other browsers are logged out by the change (<see cref="PasswordStamp"/>); this one stays in.
/// </summary>
public static class PasswordPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/password", (HttpContext context) => Form(context, null, null));
        app.MapPost("/password", ChangeAsync);
    }

    private static IResult Form(HttpContext context, string? problem, string? done, int status = 200) => Layout.Page(context, "Change the password", H($"""
        <div class="card" style="max-width:26rem;margin:2rem auto"><h1>Change the password</h1>
        {When(problem is not null, H($"<p class=\"problem\" id=\"problem\">{problem}</p>"))}
        {When(done is not null, H($"<p id=\"done\">{done}</p>"))}
        <form method="post" action="/password">{Layout.Token(context)}
        <label for="current">Current password</label><input type="password" id="current" name="current" required autocomplete="current-password">
        <label for="new">New password (at least {PasswordHash.MinLength} characters)</label><input type="password" id="new" name="new" required minlength="{PasswordHash.MinLength}" autocomplete="new-password">
        <label for="repeat">New password again</label><input type="password" id="repeat" name="repeat" required autocomplete="new-password">
        <button>Change the password</button></form>
        <p class="muted">Every other browser signed in with the old password is logged out.</p></div>
        """), status);

    private static async Task<IResult> ChangeAsync(HttpContext context, ClinicServices clinic)
    {
        var read = await Forms.ReadAsync(context, clinic.Options.UploadLimitBytes);
        if (read.Form is not { } form)
        {
            return read.Refusal!;
        }

        string? stored = await clinic.Store.GetSettingAsync(LoginPages.PasswordKey, context.RequestAborted);
        if (stored is null || !PasswordHash.Verify(form["current"].ToString(), stored))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
            return Form(context, "the current password is wrong; nothing was changed", null, StatusCodes.Status401Unauthorized);
        }

        string fresh = form["new"].ToString();
        if (fresh.Length < PasswordHash.MinLength)
        {
            return Form(context, $"the new password needs at least {PasswordHash.MinLength} characters; nothing was changed", null, StatusCodes.Status400BadRequest);
        }

        if (fresh != form["repeat"].ToString())
        {
            return Form(context, "the two new passwords differ; nothing was changed", null, StatusCodes.Status400BadRequest);
        }

        string hash = PasswordHash.Create(fresh);
        await clinic.Store.SetSettingAsync(LoginPages.PasswordKey, hash, context.RequestAborted);
        await PasswordStamp.SignInAsync(context, hash);
        return Form(context, null, "The password was changed. Other browsers must log in with the new one.");
    }
}
