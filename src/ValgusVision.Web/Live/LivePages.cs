using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ValgusVision.Web.Pages;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Live;

/// <summary>
/// The live session page of a client (the browser's camera, the overlay drawn by live.js over the frames the server
/// answered), its script, and the socket the frames travel over (<see cref="LiveSocket"/>).
/// </summary>
public static class LivePages
{
    public const string ScriptPath = "/live.js";

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ValgusVision.Web.Live.live.js")
            ?? throw new InvalidOperationException("live.js is not embedded in the web assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly SafeHtml Style = Constant("""
        <style>
        .live-stage{position:relative;background:#000;border-radius:6px;overflow:hidden;aspect-ratio:16/9}
        .live-stage canvas{display:block;width:100%;height:100%;object-fit:contain}
        .live-stage .idle[hidden]{display:none}
        .live-stage .idle{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;color:#ccc;padding:1rem;text-align:center}
        .live-status{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.4rem 1rem;margin-top:.6rem}
        .live-status div span{display:block;font-size:.8rem;color:var(--muted)}
        .live-status b{font-size:1.2rem}
        .live-controls .row>label{margin-top:0}
        #stop{background:#8a2b2b}
        .live-wrap{position:relative}
        .live-guide{position:absolute;left:0;right:0;bottom:0;background:rgba(0,0,0,.7);color:#fff;padding:.5rem .8rem;display:flex;gap:.8rem;align-items:center}
        .live-guide[hidden]{display:none}
        .live-guide div{flex:1;min-width:0}
        .live-guide small{display:block;color:#ccc}
        .live-guide #prompt{font-size:1.1rem;font-weight:600}
        @media (max-width:600px){.live-guide{position:static;border-radius:0 0 6px 6px}.live-guide #prompt{font-size:1rem}}
        button:disabled{opacity:.5;cursor:default}
        </style>
        """);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/clients/{id:long}/live", ShowAsync);
        app.MapGet(ScriptPath, () => Results.Text(Script.Value, "text/javascript; charset=utf-8"));
        app.Map("/clients/{id:long}/live/socket", SocketAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, ClinicServices clinic, LiveEngine engine, long id)
    {
        if (await clinic.Store.GetClientAsync(id, context.RequestAborted) is not { } client)
        {
            return Layout.Problem(context, 404, "there is no such client", "/clients");
        }

        var busy = engine.RunningSince is not null
            ? H($"<p class=\"problem\">Another live session is running; this one can start when it stops.</p>")
            : SafeHtml.Empty;
        var body = H($"""
            {Style}
            <p><a href="/clients/{client.Id}">{client.Name}</a></p>
            <h1>Live session</h1>
            {busy}
            <div class="card live-controls"><div class="row">
            <div><label for="exercise">Exercise</label><select id="exercise">
            <option value="auto">Recognise from the motion</option><option value="squat">Single-leg squat</option>
            <option value="hinge">Single-leg hinge</option><option value="hitch">Hip hitch</option>
            <option value="drop-jump">Drop vertical jump</option></select></div>
            <div><label for="mode">Mode</label><select id="mode"><option value="free">Free session</option><option value="guided">Guided protocol</option><option value="drill">Position-sense drill</option></select></div>
            <div><label for="stance">Stance leg</label><select id="stance"><option value="auto">Detect</option><option value="left">Left</option><option value="right">Right</option></select></div>
            <button id="start" type="button">Start</button><button id="stop" type="button" disabled>Stop and save</button></div>
            <div class="row"><label class="inline"><input type="checkbox" id="screen" value="1"> Screen (marked on the progress chart)</label>
            <label class="inline"><input type="checkbox" id="mirror" checked> Mirror the picture</label></div></div>
            <p class="problem" id="problem" role="alert" hidden></p>
            <div class="live-wrap"><div class="live-stage"><canvas id="view" width="1280" height="720"></canvas><div class="idle" id="idle">The camera starts with Start. The session is recorded and analysed when it stops.</div></div>
            <div class="live-guide" id="guide" hidden><div><small id="step">–</small><span id="prompt">–</span><small id="verdict"></small></div><button id="next" type="button" title="Space does the same">Next</button></div></div>
            <div class="card live-status" id="status" aria-live="polite">
            <div><span>FPPA left</span><b id="fppa-left">–</b></div><div><span>FPPA right</span><b id="fppa-right">–</b></div>
            <div><span>Stance leg</span><b id="stance-leg">–</b></div><div><span>Reps</span><b id="reps">0</b></div>
            <div><span>Accuracy</span><b id="trust">–</b></div><div><span>Latency</span><b id="latency">–</b></div></div>
            <video id="camera" playsinline muted hidden></video>
            <script id="live-config" type="application/json">{Constant(OverlayConfig.Json(engine.Options.Settings))}</script>
            <script src="{ScriptPath}" data-client="{client.Id}"></script>
            """);
        return Layout.Page(context, "Live session", body);
    }

    private static async Task SocketAsync(HttpContext context, ClinicServices clinic, LiveEngine engine, ILoggerFactory logs, long id)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("a live session's frames come over a WebSocket", context.RequestAborted);
            return;
        }

        // A page of another site must not open a socket with this browser's cookie (cross-site WebSocket hijacking).
        if (context.Request.Headers.Origin is [{ } origin] && !SameHost(origin, context.Request.Host))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (await clinic.Store.GetClientAsync(id, context.RequestAborted) is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var query = context.Request.Query;
        if (LiveRequest.Parse(query["exercise"], query["stance"], query["screen"], query["mode"], out string? problem) is not { } request)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(problem!, context.RequestAborted);
            return;
        }

        await LiveSocket.RunAsync(context, clinic, engine, logs.CreateLogger("ValgusVision.Web.Live"), id, request);
    }

    private static bool SameHost(string origin, HostString host) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase);
}
