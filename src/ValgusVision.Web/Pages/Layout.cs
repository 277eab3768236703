using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Pages;

/// <summary>The frame of every page: title, navigation, the one style sheet (inline, so there is nothing else to fetch).</summary>
public static class Layout
{
    private static readonly SafeHtml Style = Constant("""
        <style>
        :root{--ink:#1d2733;--muted:#5b6672;--line:#d5dbe1;--accent:#1f5fa8;--bg:#f6f8fa}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
        header{background:#fff;border-bottom:1px solid var(--line);padding:.6rem 1rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
        header a.brand{font-weight:700;color:var(--ink);text-decoration:none}
        header nav{display:flex;gap:1rem;flex:1}
        main{max-width:1100px;margin:0 auto;padding:1rem}
        a{color:var(--accent)}
        h1{font-size:1.5rem;margin:.4rem 0 1rem;overflow-wrap:anywhere}
        h2{font-size:1.15rem;margin:1.4rem 0 .6rem}
        .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;margin-bottom:1rem}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}
        table{border-collapse:collapse;width:100%;background:#fff}
        th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        th{font-size:.85rem;color:var(--muted);font-weight:600}
        .table-wrap{overflow-x:auto}
        td:first-child a{white-space:nowrap}
        label{display:block;font-size:.9rem;color:var(--muted);margin:.5rem 0 .2rem}
        label.inline{display:flex;gap:.4rem;align-items:center;color:var(--ink);margin-top:.7rem}
        input[type=text],input[type=search],input[type=password],input[type=date],select,textarea{width:100%;padding:.5rem;border:1px solid var(--line);border-radius:6px;font:inherit;background:#fff}
        input[type=file]{max-width:100%}
        textarea{min-height:4rem}
        button{margin-top:.7rem;padding:.5rem 1rem;border:0;border-radius:6px;background:var(--accent);color:#fff;font:inherit;cursor:pointer}
        button.danger{background:#8a2b2b}
        .row{display:flex;gap:.5rem;align-items:flex-end;flex-wrap:wrap}
        .row>*{flex:1;min-width:10rem}
        .row>button{flex:0 0 auto}
        .muted{color:var(--muted)}
        .unknown{color:var(--muted);font-style:italic}
        .problem{color:#8a2b2b}
        .state{display:inline-block;padding:.05rem .45rem;border-radius:4px;background:#e8edf2;font-size:.85rem}
        progress{width:100%;height:1.2rem}
        video{width:100%;max-height:70vh;background:#000;border-radius:6px}
        iframe.report{width:100%;height:80vh;border:1px solid var(--line);border-radius:6px;background:#fff}
        svg{max-width:100%;height:auto;background:#fff}
        .legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.85rem}
        .legend span::before{content:"";display:inline-block;width:.9rem;height:.25rem;margin-right:.3rem;vertical-align:middle;background:var(--c)}
        @media (max-width:600px){main{padding:.6rem}th,td{padding:.35rem .3rem;font-size:.9rem}.hide-narrow{display:none}}
        </style>
        """);

    public static IResult Page(HttpContext context, string title, SafeHtml body, int status = 200, int? refreshSeconds = null)
    {
        bool signedIn = context.User.Identity?.IsAuthenticated == true;
        var refresh = refreshSeconds is { } s ? H($"<meta http-equiv=\"refresh\" content=\"{s}\">") : SafeHtml.Empty;
        var logout = signedIn
            ? H($"<a href=\"/password\" id=\"password-link\">Password</a><form method=\"post\" action=\"/logout\" style=\"margin:0\">{Token(context)}<button style=\"margin:0\">Log out</button></form>")
            : SafeHtml.Empty;
        var html = H($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
            <title>{title} · ValgusVision</title>{refresh}{Style}</head>
            <body><header><a class="brand" href="/clients">ValgusVision</a><nav><a href="/clients">Clients</a></nav>{logout}</header>
            <main>{body}</main></body></html>
            """);
        return Results.Content(html.Value, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>A page saying one thing went wrong, with the right status code.</summary>
    public static IResult Problem(HttpContext context, int status, string line, string? backLink = null) =>
        Page(context, "Problem", H($"""<div class="card"><h1>Not done</h1><p class="problem">{line}</p>{(backLink is null ? SafeHtml.Empty : H($"<p><a href=\"{backLink}\">Back</a></p>"))}</div>"""), status);

    /// <summary>The anti-forgery field every form carries.</summary>
    public static SafeHtml Token(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
            ?? throw new InvalidOperationException("anti-forgery is not configured");
        var tokens = antiforgery.GetAndStoreTokens(context);
        return H($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }
}
