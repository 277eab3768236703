using System.Data.Common;
using System.Globalization;
using ValgusVision.App.Compare;
using ValgusVision.Domain.Recording;

namespace ValgusVision.Web.Storage;

/// <summary>
/// <see cref="IClinicStore"/> over plain ADO.NET: one connection per call (both drivers pool them), every write in a
/// transaction, so a kill -9 leaves either the old row or the new one.
/// </summary>
public sealed class SqlClinicStore : IClinicStore
{
    private const string SessionColumns =
        "id, client_id, session_date, is_screen, source, state, problem, requested_exercise, input_file, created_utc, " +
        "exercise, left_fppa_deg, right_fppa_deg, left_lunge_deg, right_lunge_deg, rep_count, recorded_at, recorded_at_source";

    private readonly SqlDialect _dialect;

    private SqlClinicStore(SqlDialect dialect) => _dialect = dialect;

    public SqlDialect Dialect => _dialect;

    /// <summary>Opens (creating when needed) and migrates the database; a server that cannot be reached is one clear line.</summary>
    public static async Task<SqlClinicStore> OpenAsync(SqlDialect dialect, CancellationToken cancellation = default)
    {
        var store = new SqlClinicStore(dialect);
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellation);
            if (dialect.OnStart is { } start)
            {
                await store.ExecuteAsync(connection, null, start, cancellation);
            }

            await Migrations.ApplyAsync(connection, dialect, cancellation);
        }
        catch (DbException e)
        {
            throw new IOException($"{dialect.Name} database cannot be opened: {FirstLine(e.Message)}", e);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new IOException($"{dialect.Name} server cannot be reached: {FirstLine(e.Message)}", e);
        }

        return store;
    }

    public async Task<Client> CreateClientAsync(string name, string notes, CancellationToken cancellation = default)
    {
        var created = DateTime.UtcNow;
        long id = await InsertAsync(
            "INSERT INTO clients (name, notes, created_utc) VALUES (@name, @notes, @created) RETURNING id",
            cancellation, ("name", name), ("notes", notes), ("created", Utc(created)));
        return new Client(id, name, notes, Truncate(created));
    }

    public async Task<Client?> GetClientAsync(long id, CancellationToken cancellation = default) =>
        (await QueryAsync("SELECT id, name, notes, created_utc FROM clients WHERE id = @id", ReadClient, cancellation, ("id", id)))
        .FirstOrDefault();

    public async Task<IReadOnlyList<Client>> FindClientsAsync(string? query, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return await QueryAsync("SELECT id, name, notes, created_utc FROM clients ORDER BY name, id", ReadClient, cancellation);
        }

        // LIKE's wildcards in the query are matched literally.
        string pattern = "%" + query.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return await QueryAsync(
            $"SELECT id, name, notes, created_utc FROM clients WHERE {_dialect.ContainsIgnoringCase("name")} ESCAPE '\\' ORDER BY name, id",
            ReadClient, cancellation, ("q", pattern));
    }

    public async Task<bool> UpdateClientAsync(long id, string name, string notes, CancellationToken cancellation = default) =>
        await WriteAsync("UPDATE clients SET name = @name, notes = @notes WHERE id = @id", cancellation, ("id", id), ("name", name), ("notes", notes)) > 0;

    public async Task<bool> DeleteClientAsync(long id, CancellationToken cancellation = default) =>
        await WriteAsync("DELETE FROM sessions WHERE client_id = @id; DELETE FROM clients WHERE id = @id", cancellation, ("id", id)) > 0;

    public async Task<Session> CreateSessionAsync(
        long clientId, DateOnly date, bool isScreen, SessionSource source, SessionState state, string requestedExercise, string inputFile,
        CancellationToken cancellation = default)
    {
        var created = DateTime.UtcNow;
        long id = await InsertAsync(
            "INSERT INTO sessions (client_id, session_date, is_screen, source, state, requested_exercise, input_file, created_utc, rep_count) " +
            "VALUES (@client, @date, @screen, @source, @state, @exercise, @input, @created, 0) RETURNING id",
            cancellation, ("client", clientId), ("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("screen", isScreen ? 1 : 0),
            ("source", source.ToString()), ("state", state.ToString()), ("exercise", requestedExercise), ("input", inputFile), ("created", Utc(created)));
        return new Session(id, clientId, date, isScreen, source, state, null, requestedExercise, inputFile, Truncate(created), ReportChartValues.None);
    }

    public async Task<Session?> GetSessionAsync(long id, CancellationToken cancellation = default) =>
        (await QueryAsync($"SELECT {SessionColumns} FROM sessions WHERE id = @id", ReadSession, cancellation, ("id", id))).FirstOrDefault();

    public Task<IReadOnlyList<Session>> ListSessionsAsync(long clientId, CancellationToken cancellation = default) =>
        QueryAsync($"SELECT {SessionColumns} FROM sessions WHERE client_id = @client ORDER BY session_date, id", ReadSession, cancellation, ("client", clientId));

    public async Task<IReadOnlyList<Session>> ListByStateAsync(IReadOnlyCollection<SessionState> states, CancellationToken cancellation = default)
    {
        var parameters = states.Select((s, i) => ($"s{i}", (object?)s.ToString())).ToArray();
        string list = string.Join(", ", parameters.Select(p => "@" + p.Item1));
        return states.Count == 0
            ? []
            : await QueryAsync($"SELECT {SessionColumns} FROM sessions WHERE state IN ({list}) ORDER BY id", ReadSession, cancellation, parameters);
    }

    public Task SetStateAsync(long sessionId, SessionState state, string? problem, CancellationToken cancellation = default) =>
        WriteAsync("UPDATE sessions SET state = @state, problem = @problem WHERE id = @id", cancellation,
            ("id", sessionId), ("state", state.ToString()), ("problem", problem));

    public Task CompleteAsync(long sessionId, ReportChartValues metrics, CancellationToken cancellation = default) =>
        WriteAsync(
            "UPDATE sessions SET state = @state, problem = NULL, exercise = @exercise, left_fppa_deg = @lf, right_fppa_deg = @rf, " +
            "left_lunge_deg = @ll, right_lunge_deg = @rl, rep_count = @reps, recorded_at = @rat, recorded_at_source = @ras WHERE id = @id",
            cancellation, ("id", sessionId), ("state", nameof(SessionState.Done)), ("exercise", metrics.Exercise),
            ("lf", metrics.LeftFppaDeg), ("rf", metrics.RightFppaDeg), ("ll", metrics.LeftLungeDeg), ("rl", metrics.RightLungeDeg),
            ("reps", metrics.RepCount), ("rat", metrics.Recorded?.Iso), ("ras", metrics.Recorded?.Source.ToName()));

    public async Task<bool> DeleteSessionAsync(long sessionId, CancellationToken cancellation = default) =>
        await WriteAsync("DELETE FROM sessions WHERE id = @id", cancellation, ("id", sessionId)) > 0;

    public async Task<string?> GetSettingAsync(string key, CancellationToken cancellation = default) =>
        (await QueryAsync("SELECT value FROM settings WHERE key = @key", r => r.GetString(0), cancellation, ("key", key))).FirstOrDefault();

    public Task SetSettingAsync(string key, string value, CancellationToken cancellation = default) =>
        WriteAsync("DELETE FROM settings WHERE key = @key; INSERT INTO settings (key, value) VALUES (@key, @value)", cancellation,
            ("key", key), ("value", value));

    private static Client ReadClient(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), r.GetString(2), ParseUtc(r.GetString(3)));

    private static Session ReadSession(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture) != 0,
        Enum.Parse<SessionSource>(r.GetString(4)),
        Enum.Parse<SessionState>(r.GetString(5)),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetString(7),
        r.GetString(8),
        ParseUtc(r.GetString(9)),
        new ReportChartValues(
            r.IsDBNull(10) ? null : r.GetString(10),
            NullableDouble(r, 11),
            NullableDouble(r, 12),
            NullableDouble(r, 13),
            NullableDouble(r, 14),
            Convert.ToInt32(r.GetValue(15), CultureInfo.InvariantCulture),
            ReadRecorded(r, 16)));

    /// <summary>The stored recording time; null when none was stored (unknown, or analysed before the column existed).</summary>
    private static RecordingTime? ReadRecorded(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : new RecordingTime(ParseUtc(r.GetString(i)), RecordingTimeSources.Parse(r.IsDBNull(i + 1) ? null : r.GetString(i + 1)) ?? RecordingTimeSource.User);

    private static double? NullableDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static string Utc(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static DateTime Truncate(DateTime t) => ParseUtc(Utc(t));

    private static DateTime ParseUtc(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellation)
    {
        var connection = _dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellation);
            if (_dialect.OnOpen is { } setup)
            {
                await ExecuteAsync(connection, null, setup, cancellation);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task<int> ExecuteAsync(
        DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellation, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    private async Task<int> WriteAsync(string sql, CancellationToken cancellation, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(cancellation);
        await using var tx = await connection.BeginTransactionAsync(cancellation);
        int rows = await ExecuteAsync(connection, tx, sql, cancellation, parameters);
        await tx.CommitAsync(cancellation);
        return rows;
    }

    private async Task<long> InsertAsync(string sql, CancellationToken cancellation, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(cancellation);
        await using var tx = await connection.BeginTransactionAsync(cancellation);
        await using var command = Command(connection, tx, sql, parameters);
        long id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellation), CultureInfo.InvariantCulture);
        await tx.CommitAsync(cancellation);
        return id;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, CancellationToken cancellation, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(cancellation);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellation))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }
}
