using Microsoft.Data.Sqlite;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Tests;

public sealed class SqliteStoreTests : StoreContract, IDisposable
{
    private readonly ScratchFolder _folder = new();

    protected override Task<SqlClinicStore> OpenAsync() => SqlClinicStore.OpenAsync(SqlDialect.For(null, _folder.Path));

    [Fact]
    public Task Clients() => ClientsCanBeCreatedFoundEditedAndDeleted();

    [Fact]
    public Task Sessions() => SessionsKeepTheirStateAndNumbers();

    [Fact]
    public Task Settings() => SettingsAreReplacedNotDuplicated();

    [Fact]
    public async Task TheDatabaseIsOneFileInWriteAheadModeAtTheLatestSchema()
    {
        var store = await OpenAsync();
        await store.CreateClientAsync("Dan", "");
        var reopened = await OpenAsync(); // a second start migrates nothing and keeps the data
        Assert.Single(await reopened.FindClientsAsync("Dan"));

        using var connection = new SqliteConnection($"Data Source={_folder.File("clinic.db")}");
        connection.Open();
        using var mode = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", mode.ExecuteScalar());
        using var version = new SqliteCommand("SELECT version FROM schema_version", connection);
        Assert.Equal(2L, version.ExecuteScalar()); // 1: the tables, 2: the recording time
    }

    [Fact]
    public async Task ADatabaseFromANewerVersionIsRefusedInOneLine()
    {
        await OpenAsync();
        using (var connection = new SqliteConnection($"Data Source={_folder.File("clinic.db")};Pooling=false"))
        {
            connection.Open();
            using var bump = new SqliteCommand("UPDATE schema_version SET version = 99", connection);
            bump.ExecuteNonQuery();
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(OpenAsync);
        Assert.Contains("newer than this valgus knows", e.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
