using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ValgusVision.Web.Pages;

/// <summary>Reads a posted form after checking its anti-forgery token; null with the answer already chosen when it fails.</summary>
public static class Forms
{
    public sealed record Result(IFormCollection? Form, IResult? Refusal);

    public static async Task<Result> ReadAsync(HttpContext context, long uploadLimitBytes)
    {
        try
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            await antiforgery.ValidateRequestAsync(context);
            return new Result(await context.Request.ReadFormAsync(context.RequestAborted), null);
        }
        catch (Exception e) when (IsTooLarge(e) || (e.InnerException is { } inner && IsTooLarge(inner)))
        {
            // The anti-forgery check reads the form first, so a too-large body can come wrapped in its exception.
            return new Result(null, Layout.Problem(
                context, StatusCodes.Status413PayloadTooLarge, $"the file is larger than the upload limit ({uploadLimitBytes / (1024 * 1024)} MB)"));
        }
        catch (AntiforgeryValidationException)
        {
            return new Result(null, Layout.Problem(context, StatusCodes.Status400BadRequest, "the form had expired or did not come from this app; reload the page and try again"));
        }
        catch (InvalidDataException)
        {
            return new Result(null, Layout.Problem(context, StatusCodes.Status400BadRequest, "the form could not be read"));
        }
    }

    public static string Text(IFormCollection form, string name, int maxLength) =>
        form[name].ToString().Trim() is var s && s.Length > maxLength ? s[..maxLength] : form[name].ToString().Trim();

    private static bool IsTooLarge(Exception e) =>
        e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase));
}
