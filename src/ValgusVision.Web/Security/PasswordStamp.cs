using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Security;

/// <summary>
/// Ties a login to the password it was made with: the cookie carries a fingerprint of the stored hash, and a cookie
/// whose fingerprint no longer matches (the password was changed since) is refused. So changing the password logs out
/// every other browser, as a clinic expects after a password has leaked.
/// </summary>
public static class PasswordStamp
{
    public const string ClaimType = "valgus-password";

    /// <summary>A short fingerprint of the stored hash (not the hash itself: the cookie is readable by its holder).</summary>
    public static string Of(string storedHash) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(storedHash)).AsSpan(0, 12));

    /// <summary>Signs this browser in for the password now stored.</summary>
    public static Task SignInAsync(HttpContext context, string storedHash)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "clinic"),
                // The anti-forgery tokens are bound to this claim alone (without one, to all claims, so the forms of the
                // page that changed the password would no longer match the new stamp's cookie).
                new Claim(ClaimTypes.NameIdentifier, "clinic"),
                new Claim(ClaimType, Of(storedHash)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The cookie handler's check on every request.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<IClinicStore>();
        string? stored = await store.GetSettingAsync(LoginPages.PasswordKey, context.HttpContext.RequestAborted);
        string? stamp = context.Principal?.FindFirst(ClaimType)?.Value;
        if (stored is null || stamp is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(Of(stored))))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
