using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ValgusVision.Web.Analysis;
using ValgusVision.Web.Live;
using ValgusVision.Web.Pages;
using ValgusVision.Web.Security;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web;

/// <summary>
/// <c>valgus serve</c>: the clinic's web app. Opens the database (migrating it), checks the password rule, starts
/// Kestrel on the asked address and the analysis queue, and says where it listens.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebServer(WebApplication app, Uri address, SqlClinicStore store)
    {
        _app = app;
        Address = address;
        Store = store;
    }

    /// <summary>Where the app listens (the real port when 0 was asked for).</summary>
    public Uri Address { get; }

    public SqlClinicStore Store { get; }

    public AnalysisQueue Queue => _app.Services.GetRequiredService<AnalysisQueue>();

    /// <param name="analysis">The video analysis; default the App layer's (<see cref="AppVideoAnalysis"/>).</param>
    public static async Task<WebServer> StartAsync(ServeOptions options, IVideoAnalysis? analysis = null, CancellationToken cancellation = default)
    {
        options.Validate();
        var data = new DataFolder(options.DataFolder);
        data.ClearIncoming();
        var store = await SqlClinicStore.OpenAsync(SqlDialect.For(options.Database, data.Root), cancellation);
        if (options.NeedsLogin)
        {
            await EnsurePasswordAsync(store, options, cancellation);
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = data.Root, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Logs go to stderr: stdout carries only the address line, which scripts and the tests read.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Request logs would carry client names (search queries) and ids: only warnings from the framework.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("ValgusVision", LogLevel.Information);
        // The keys sit in the data folder, protected like the database beside them (its file permissions).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(options.Bind, options.Port);
            k.Limits.MaxRequestBodySize = options.UploadLimitBytes + (1 << 20); // the form's other fields on top
            k.AddServerHeader = false;
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.UploadLimitBytes);
        builder.Services.AddDataProtection()
            .SetApplicationName("ValgusVision")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.Root, "keys")));
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "valgus-af";
            a.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddSingleton<IClinicStore>(store);
        builder.Services.AddSingleton(data);
        builder.Services.AddSingleton(options);
        var ownAnalysis = analysis is null ? new AppVideoAnalysis() : null;
        builder.Services.AddSingleton(analysis ?? ownAnalysis!);
        builder.Services.AddSingleton<AnalysisQueue>();
        builder.Services.AddHostedService(s => s.GetRequiredService<AnalysisQueue>());
        builder.Services.AddSingleton<LiveEngine>();
        builder.Services.AddSingleton(s => new ClinicServices(store, data, s.GetRequiredService<AnalysisQueue>(), options));
        if (options.NeedsLogin)
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(c =>
            {
                c.Cookie.Name = "valgus";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Strict;
                c.LoginPath = "/login";
                c.ExpireTimeSpan = TimeSpan.FromHours(10);
                c.SlidingExpiration = true;
                c.Events.OnValidatePrincipal = PasswordStamp.ValidateAsync; // a changed password logs the other browsers out
            });
            builder.Services.AddAuthorization(a => a.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XFrameOptions = "SAMEORIGIN";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Headers.CacheControl = "no-cache, no-store"; // health data: never kept in a shared cache
            context.Response.Headers.Pragma = "no-cache";
            await next();
        });
        if (options.NeedsLogin)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            LoginPages.Map(app);
            PasswordPages.Map(app);
        }

        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        ClientPages.Map(app);
        LivePages.Map(app);
        SessionPages.Map(app);
        SessionIntake.Map(app);
        ProgressPage.Map(app);
        if (ownAnalysis is not null)
        {
            app.Lifetime.ApplicationStopped.Register(ownAnalysis.Dispose);
        }

        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new IOException($"cannot listen on {options.Bind}:{options.Port}: {e.Message}", e);
        }

        string listening = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebServer(app, new Uri(listening.Replace("[::]", "localhost", StringComparison.Ordinal)), store);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellation) => _app.WaitForShutdownAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task EnsurePasswordAsync(SqlClinicStore store, ServeOptions options, CancellationToken cancellation)
    {
        if (await store.GetSettingAsync(LoginPages.PasswordKey, cancellation) is not null)
        {
            return;
        }

        if (options.InitialPassword is not { } password)
        {
            throw new ArgumentException(
                $"--bind {options.Bind}: reachable from other machines, so it needs a password; set one on this first start with the VALGUS_PASSWORD environment variable");
        }

        if (password.Length < PasswordHash.MinLength)
        {
            throw new ArgumentException($"the password needs at least {PasswordHash.MinLength} characters");
        }

        await store.SetSettingAsync(LoginPages.PasswordKey, PasswordHash.Create(password), cancellation);
    }
}
