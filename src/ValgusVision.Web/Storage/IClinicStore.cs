using ValgusVision.App.Compare;

namespace ValgusVision.Web.Storage;

/// <summary>Clients, sessions and the server's own settings. SQLite or PostgreSQL behind one interface.</summary>
public interface IClinicStore
{
    Task<Client> CreateClientAsync(string name, string notes, CancellationToken cancellation = default);

    Task<Client?> GetClientAsync(long id, CancellationToken cancellation = default);

    /// <summary>Clients whose name contains <paramref name="query"/> (case-insensitive; all when empty), by name.</summary>
    Task<IReadOnlyList<Client>> FindClientsAsync(string? query, CancellationToken cancellation = default);

    Task<bool> UpdateClientAsync(long id, string name, string notes, CancellationToken cancellation = default);

    /// <summary>Deletes the client and their sessions' rows (the caller deletes their files).</summary>
    Task<bool> DeleteClientAsync(long id, CancellationToken cancellation = default);

    Task<Session> CreateSessionAsync(
        long clientId, DateOnly date, bool isScreen, SessionSource source, SessionState state, string requestedExercise, string inputFile,
        CancellationToken cancellation = default);

    Task<Session?> GetSessionAsync(long id, CancellationToken cancellation = default);

    /// <summary>A client's sessions, oldest first.</summary>
    Task<IReadOnlyList<Session>> ListSessionsAsync(long clientId, CancellationToken cancellation = default);

    /// <summary>Sessions in any of these states, oldest first (a restart queues them again).</summary>
    Task<IReadOnlyList<Session>> ListByStateAsync(IReadOnlyCollection<SessionState> states, CancellationToken cancellation = default);

    Task SetStateAsync(long sessionId, SessionState state, string? problem, CancellationToken cancellation = default);

    /// <summary>Marks the session done with its numbers, in one transaction.</summary>
    Task CompleteAsync(long sessionId, ReportChartValues metrics, CancellationToken cancellation = default);

    Task<bool> DeleteSessionAsync(long sessionId, CancellationToken cancellation = default);

    Task<string?> GetSettingAsync(string key, CancellationToken cancellation = default);

    Task SetSettingAsync(string key, string value, CancellationToken cancellation = default);
}
