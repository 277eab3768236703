using System.Net;

namespace ValgusVision.Web;

/// <summary>What <c>valgus serve</c> was asked for.</summary>
public sealed record ServeOptions
{
    public const int DefaultPort = 8642;

    public int Port { get; init; } = DefaultPort;

    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    /// <summary>Database, videos and outputs; default the user's local application data folder.</summary>
    public string DataFolder { get; init; } = DefaultDataFolder();

    /// <summary>A PostgreSQL connection string; null for SQLite in <see cref="DataFolder"/>.</summary>
    public string? Database { get; init; }

    /// <summary>Largest upload accepted (a 10 min 1080p phone clip is about 1 GB).</summary>
    public long UploadLimitBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The password to store on the first start bound to another address (then ignored: the stored hash rules).</summary>
    public string? InitialPassword { get; init; }

    /// <summary>Anything other than a loopback address reaches other machines: then every request needs the password.</summary>
    public bool NeedsLogin => !IPAddress.IsLoopback(Bind);

    public static string DefaultDataFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ValgusVision");

    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"--port: {Port} is not a port (0–65535; 0 picks a free one)");
        }

        if (UploadLimitBytes <= 0)
        {
            throw new ArgumentException("the upload limit must be positive");
        }
    }
}
