using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ValgusVision.Web.Tests;

/// <summary>
/// A real PostgreSQL server for the tests: VALGUS_TEST_POSTGRES (a connection string) when set, else a throwaway
/// cluster started here with Debian's initdb/pg_ctl in a temporary folder (as the postgres user when run as root),
/// stopped and deleted when the tests end. <see cref="Unavailable"/> says why there is none; the tests then skip, saying so.
/// </summary>
internal static class PostgresServer
{
    private static readonly Lazy<(string? Connection, string? Why)> Server = new(Start);

    public static string? Unavailable => Server.Value.Why;

    /// <summary>A new, empty database on the server, for one test class.</summary>
    public static string CreateDatabase()
    {
        string admin = Server.Value.Connection ?? throw new InvalidOperationException(Unavailable);
        string name = "valgus_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
    }

    private static (string?, string?) Start()
    {
        if (Environment.GetEnvironmentVariable("VALGUS_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return Reachable(given) ? (given, null) : (null, "VALGUS_TEST_POSTGRES is set but that server cannot be reached");
        }

        string? bin = FindBin();
        if (bin is null)
        {
            return (null, "no PostgreSQL server: install Debian's postgresql package (initdb, pg_ctl), or set VALGUS_TEST_POSTGRES");
        }

        RemoveStoppedClusters();
        bool root = Environment.UserName == "root";
        string dir = Path.Combine(Path.GetTempPath(), "valgus-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        if (root && Run("chown", "postgres", dir) != 0)
        {
            return (null, "running as root and the postgres user cannot own a temporary folder");
        }

        int port = FreePort();
        string data = Path.Combine(dir, "data");
        if (RunAs(root, Path.Combine(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync") != 0)
        {
            return (null, "initdb failed: no throwaway PostgreSQL cluster");
        }

        string options = $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off";
        if (RunAs(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-o", options, "-l", Path.Combine(dir, "log"), "-w", "start") != 0)
        {
            return (null, "pg_ctl could not start the throwaway PostgreSQL cluster");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAs(root, Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop");
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        string connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        return Reachable(connection) ? (connection, null) : (null, "the throwaway PostgreSQL cluster started but does not answer");
    }

    /// <summary>
    /// Earlier runs' folders whose server is stopped (no postmaster.pid): the test host can be ended before its exit
    /// handler has deleted them. A folder with a running server is left alone.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), "valgus-pg-*"))
        {
            if (!File.Exists(Path.Combine(old, "data", "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(old, recursive: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private static string? FindBin()
    {
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian))
        {
            return null;
        }

        return Directory.GetDirectories(debian).OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")));
    }

    private static bool Reachable(string connection)
    {
        try
        {
            using var c = new NpgsqlConnection(connection);
            c.Open();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int RunAs(bool root, string exe, params string[] args) =>
        root ? Run("runuser", ["-u", "postgres", "--", exe, .. args]) : Run(exe, args);

    private static int Run(string exe, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var p = Process.Start(start)!;
            _ = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}

/// <summary>A test that needs a PostgreSQL server; skipped, with the reason, when there is none.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable is { } why)
        {
            Skip = why;
        }
    }
}
