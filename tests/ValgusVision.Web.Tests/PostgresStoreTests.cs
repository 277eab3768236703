using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Tests;

/// <summary>The same contract against a real PostgreSQL server (see <see cref="PostgresServer"/>).</summary>
public sealed class PostgresStoreTests : StoreContract
{
    private string? _connection;

    protected override Task<SqlClinicStore> OpenAsync() =>
        SqlClinicStore.OpenAsync(new PostgresDialect(_connection ??= PostgresServer.CreateDatabase()));

    [PostgresFact]
    public Task Clients() => ClientsCanBeCreatedFoundEditedAndDeleted();

    [PostgresFact]
    public Task Sessions() => SessionsKeepTheirStateAndNumbers();

    [PostgresFact]
    public Task Settings() => SettingsAreReplacedNotDuplicated();

    [PostgresFact]
    public async Task MigratingTwiceChangesNothing()
    {
        var store = await OpenAsync();
        await store.CreateClientAsync("Eve", "");
        var again = await OpenAsync();
        Assert.Single(await again.FindClientsAsync("eve"));
    }

    [Fact]
    public async Task AServerThatIsDownIsOneClearLine()
    {
        // Port 1 on the loopback: nothing listens there.
        var e = await Assert.ThrowsAsync<IOException>(() =>
            SqlClinicStore.OpenAsync(new PostgresDialect("Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=3")));
        Assert.StartsWith("PostgreSQL", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
