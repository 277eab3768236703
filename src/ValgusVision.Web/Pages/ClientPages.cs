using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static ValgusVision.Web.Pages.Html;

namespace ValgusVision.Web.Pages;

/// <summary>The client list (find, create) and one client's page (edit, delete with all their files, their sessions).</summary>
public static class ClientPages
{
    public const int MaxName = 200;
    public const int MaxNotes = 4000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/clients"));
        app.MapGet("/clients", ListAsync);
        app.MapPost("/clients", CreateAsync);
        app.MapGet("/clients/{id:long}", ShowAsync);
        app.MapPost("/clients/{id:long}/edit", EditAsync);
        app.MapPost("/clients/{id:long}/delete", DeleteAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ClinicServices clinic, string? q)
    {
        var clients = await clinic.Store.FindClientsAsync(q, context.RequestAborted);
        var rows = clients.Select(c => H($"""<tr><td><a href="/clients/{c.Id}">{c.Name}</a></td><td class="hide-narrow muted">{c.CreatedUtc:yyyy-MM-dd}</td></tr>"""));
        var list = clients.Count == 0
            ? H($"""<p class="muted">{(string.IsNullOrWhiteSpace(q) ? "No clients yet." : $"No client's name contains “{q}”.")}</p>""")
            : H($"""<div class="table-wrap"><table><thead><tr><th>Name</th><th class="hide-narrow">Added</th></tr></thead><tbody>{rows}</tbody></table></div>""");
        var body = H($"""
            <h1>Clients</h1>
            <div class="grid">
            <div class="card"><form method="get" action="/clients"><label for="q">Find by name</label>
            <div class="row"><input type="search" id="q" name="q" value="{q}"><button>Find</button></div></form>
            <div style="margin-top:1rem">{list}</div></div>
            <div class="card"><h2 style="margin-top:0">New client</h2><form method="post" action="/clients">{Layout.Token(context)}
            <label for="name">Name</label><input type="text" id="name" name="name" required maxlength="{MaxName}">
            <label for="notes">Notes</label><textarea id="notes" name="notes" maxlength="{MaxNotes}"></textarea>
            <button>Create client</button></form></div>
            </div>
            """);
        return Layout.Page(context, "Clients", body);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ClinicServices clinic)
    {
        var read = await Forms.ReadAsync(context, clinic.Options.UploadLimitBytes);
        if (read.Form is not { } form)
        {
            return read.Refusal!;
        }

        string name = Forms.Text(form, "name", MaxName);
        if (name.Length == 0)
        {
            return Layout.Problem(context, 400, "a client needs a name", "/clients");
        }

        var client = await clinic.Store.CreateClientAsync(name, Forms.Text(form, "notes", MaxNotes), context.RequestAborted);
        return Results.Redirect($"/clients/{client.Id}");
    }

    private static async Task<IResult> ShowAsync(HttpContext context, ClinicServices clinic, long id)
    {
        if (await clinic.Store.GetClientAsync(id, context.RequestAborted) is not { } client)
        {
            return Layout.Problem(context, 404, "there is no such client", "/clients");
        }

        var sessions = await clinic.Store.ListSessionsAsync(id, context.RequestAborted);
        var rows = sessions.Reverse().Select(s => H($"""
            <tr><td><a href="/sessions/{s.Id}">{s.Date:yyyy-MM-dd}</a>{When(s.IsScreen, H($" <span class=\"state\">screen</span>"))}</td>
            <td>{s.Metrics.Exercise ?? s.RequestedExercise}</td><td>{SessionPages.StateText(s, clinic.Queue)}</td>
            <td>{Degrees(s.Metrics.LeftFppaDeg)}</td><td>{Degrees(s.Metrics.RightFppaDeg)}</td></tr>
            """));
        var table = sessions.Count == 0
            ? H($"<p class=\"muted\">No sessions yet: upload a video or import a report below.</p>")
            : H($"""<div class="table-wrap"><table><thead><tr><th>Date</th><th>Exercise</th><th>State</th><th>FPPA left</th><th>FPPA right</th></tr></thead><tbody>{rows}</tbody></table></div>""");
        string today = DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var token = Layout.Token(context);
        var body = H($"""
            <h1>{client.Name}</h1>
            {When(client.Notes.Length > 0, H($"<p class=\"muted\" style=\"white-space:pre-wrap\">{client.Notes}</p>"))}
            <p><a href="/clients/{id}/progress">Progress over time</a> · <a href="/clients/{id}/live" id="live-link">Live session with the camera</a></p>
            <div class="card"><h2 style="margin-top:0">Sessions</h2>{table}</div>
            <div class="grid">
            <div class="card"><h2 style="margin-top:0">Upload a video</h2>
            <form method="post" action="/clients/{id}/sessions/upload" enctype="multipart/form-data">{token}
            <label for="video">Video (MP4, MOV, MKV, WebM or AVI)</label><input type="file" id="video" name="video" accept="video/*" required>
            {SessionPages.DateAndExercise(today)}
            <button>Upload and analyse</button></form></div>
            <div class="card"><h2 style="margin-top:0">Import a command-line analysis</h2>
            <form method="post" action="/clients/{id}/sessions/import" enctype="multipart/form-data">{token}
            <label for="report">report.json</label><input type="file" id="report" name="report" accept=".json,application/json" required>
            <label for="frames">frames.csv (optional)</label><input type="file" id="frames" name="frames" accept=".csv,text/csv">
            <label for="idate">Date</label><input type="date" id="idate" name="date" value="{today}" required>
            <label class="inline"><input type="checkbox" name="screen" value="1"> Screen (marked on the progress chart)</label>
            <button>Import</button></form></div>
            </div>
            <div class="grid">
            <div class="card"><h2 style="margin-top:0">Edit</h2><form method="post" action="/clients/{id}/edit">{token}
            <label for="name">Name</label><input type="text" id="name" name="name" value="{client.Name}" required maxlength="{MaxName}">
            <label for="notes">Notes</label><textarea id="notes" name="notes" maxlength="{MaxNotes}">{client.Notes}</textarea>
            <button>Save</button></form></div>
            <div class="card"><h2 style="margin-top:0">Delete</h2><form method="post" action="/clients/{id}/delete">{token}
            <p>Deletes this client, every session, video and report of theirs. It cannot be undone.</p>
            <label class="inline"><input type="checkbox" name="confirm" value="yes" required> Yes, delete all of it</label>
            <button class="danger">Delete client</button></form></div>
            </div>
            """);
        // No self-refresh here (it would wipe a half-filled form); the session page refreshes itself while analysed.
        return Layout.Page(context, client.Name, body);
    }

    private static async Task<IResult> EditAsync(HttpContext context, ClinicServices clinic, long id)
    {
        var read = await Forms.ReadAsync(context, clinic.Options.UploadLimitBytes);
        if (read.Form is not { } form)
        {
            return read.Refusal!;
        }

        string name = Forms.Text(form, "name", MaxName);
        if (name.Length == 0)
        {
            return Layout.Problem(context, 400, "a client needs a name", $"/clients/{id}");
        }

        return await clinic.Store.UpdateClientAsync(id, name, Forms.Text(form, "notes", MaxNotes), context.RequestAborted)
            ? Results.Redirect($"/clients/{id}")
            : Layout.Problem(context, 404, "there is no such client", "/clients");
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, ClinicServices clinic, long id)
    {
        var read = await Forms.ReadAsync(context, clinic.Options.UploadLimitBytes);
        if (read.Form is not { } form)
        {
            return read.Refusal!;
        }

        if (form["confirm"] != "yes")
        {
            return Layout.Problem(context, 400, "tick the box to confirm the deletion", $"/clients/{id}");
        }

        // Rows first: a session being analysed finds itself gone and is dropped; then every file of the client.
        bool existed = await clinic.Store.DeleteClientAsync(id, context.RequestAborted);
        clinic.Data.DeleteClientFiles(id);
        return existed ? Results.Redirect("/clients") : Layout.Problem(context, 404, "there is no such client", "/clients");
    }
}
