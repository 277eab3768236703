using System.Data.Common;

namespace ValgusVision.Web.Storage;

/// <summary>
/// The schema, as numbered steps. The database records the last step applied (table schema_version); a start applies
/// the missing ones, each in its own transaction. Never edit a step that has shipped: add the next one.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Func<SqlDialect, string>> Steps { get; } =
    [
        d => $"""
            CREATE TABLE clients (
                id {d.IdentityColumn},
                name TEXT NOT NULL,
                notes TEXT NOT NULL,
                created_utc TEXT NOT NULL);
            CREATE TABLE sessions (
                id {d.IdentityColumn},
                client_id BIGINT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
                session_date TEXT NOT NULL,
                is_screen INTEGER NOT NULL,
                source TEXT NOT NULL,
                state TEXT NOT NULL,
                problem TEXT NULL,
                requested_exercise TEXT NOT NULL,
                input_file TEXT NOT NULL,
                created_utc TEXT NOT NULL,
                exercise TEXT NULL,
                left_fppa_deg {d.Real} NULL,
                right_fppa_deg {d.Real} NULL,
                left_lunge_deg {d.Real} NULL,
                right_lunge_deg {d.Real} NULL,
                rep_count INTEGER NOT NULL);
            CREATE INDEX sessions_by_client ON sessions(client_id, session_date);
            CREATE INDEX sessions_by_state ON sessions(state);
            CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL);
            """,

        // 2: the recording's own time from its report.json (recordedAt, recordedAtSource); null = not known.
        _ => """
            ALTER TABLE sessions ADD COLUMN recorded_at TEXT NULL;
            ALTER TABLE sessions ADD COLUMN recorded_at_source TEXT NULL;
            """,
    ];

    public static async Task ApplyAsync(DbConnection connection, SqlDialect dialect, CancellationToken cancellation)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
            await create.ExecuteNonQueryAsync(cancellation);
        }

        int current = await CurrentAsync(connection, cancellation);
        if (current > Steps.Count)
        {
            throw new InvalidOperationException(
                $"the database is at schema version {current}, newer than this valgus knows ({Steps.Count}); use a newer valgus");
        }

        for (int step = current; step < Steps.Count; step++)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellation);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = tx;
                command.CommandText = Steps[step](dialect);
                await command.ExecuteNonQueryAsync(cancellation);
            }

            await using (var version = connection.CreateCommand())
            {
                version.Transaction = tx;
                version.CommandText = "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (@v)";
                var p = version.CreateParameter();
                p.ParameterName = "v";
                p.Value = step + 1;
                version.Parameters.Add(p);
                await version.ExecuteNonQueryAsync(cancellation);
            }

            await tx.CommitAsync(cancellation);
        }
    }

    public static async Task<int> CurrentAsync(DbConnection connection, CancellationToken cancellation)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT MAX(version) FROM schema_version";
        var value = await read.ExecuteScalarAsync(cancellation);
        return value is null or DBNull ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
