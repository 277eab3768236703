using ValgusVision.App.Compare;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web.Tests;

/// <summary>What every <see cref="IClinicStore"/> must do; run against SQLite and against a real PostgreSQL server.</summary>
public abstract class StoreContract
{
    protected abstract Task<SqlClinicStore> OpenAsync();

    protected async Task ClientsCanBeCreatedFoundEditedAndDeleted()
    {
        var store = await OpenAsync();
        var ann = await store.CreateClientAsync("Ann <b>Smith</b>", "left knee");
        var bob = await store.CreateClientAsync("Bob 100%_done", "");
        Assert.Equal(ann, await store.GetClientAsync(ann.Id));
        Assert.Equal([ann], await store.FindClientsAsync("ann"));
        Assert.Equal([ann], await store.FindClientsAsync("SMITH"));
        // LIKE's wildcards are matched literally: "%" finds only the name that has one.
        Assert.Equal([bob], await store.FindClientsAsync("%"));
        Assert.Equal([bob], await store.FindClientsAsync("_done"));
        Assert.Equal(2, (await store.FindClientsAsync(null)).Count);

        Assert.True(await store.UpdateClientAsync(ann.Id, "Ann Jones", "both knees"));
        Assert.Equal("Ann Jones", (await store.GetClientAsync(ann.Id))!.Name);
        Assert.False(await store.UpdateClientAsync(9999, "x", ""));

        var session = await store.CreateSessionAsync(ann.Id, new DateOnly(2026, 11, 2), true, SessionSource.Upload, SessionState.Queued, "auto", "input.mp4");
        Assert.True(await store.DeleteClientAsync(ann.Id));
        Assert.Null(await store.GetClientAsync(ann.Id));
        Assert.Null(await store.GetSessionAsync(session.Id));
        Assert.False(await store.DeleteClientAsync(ann.Id));
    }

    protected async Task SessionsKeepTheirStateAndNumbers()
    {
        var store = await OpenAsync();
        var client = await store.CreateClientAsync("Cleo", "");
        var later = await store.CreateSessionAsync(client.Id, new DateOnly(2026, 11, 20), false, SessionSource.Upload, SessionState.Queued, "squat", "input.mp4");
        var first = await store.CreateSessionAsync(client.Id, new DateOnly(2026, 11, 1), true, SessionSource.Import, SessionState.Running, "auto", "");
        Assert.Equal([first.Id, later.Id], (await store.ListSessionsAsync(client.Id)).Select(s => s.Id));

        await store.SetStateAsync(later.Id, SessionState.Running, null);
        Assert.Equal([later.Id, first.Id], (await store.ListByStateAsync([SessionState.Running])).Select(s => s.Id)); // by creation

        await store.SetStateAsync(later.Id, SessionState.Failed, "the video could not be decoded");
        var failed = (await store.GetSessionAsync(later.Id))!;
        Assert.Equal((SessionState.Failed, "the video could not be decoded"), (failed.State, failed.Problem));

        var metrics = new ReportChartValues("squat", 14.4, null, null, 38.25, 3);
        await store.CompleteAsync(first.Id, metrics);
        var done = (await store.GetSessionAsync(first.Id))!;
        Assert.Equal(SessionState.Done, done.State);
        Assert.Equal(metrics, done.Metrics);
        Assert.True(done.IsScreen);
        Assert.Equal(new DateOnly(2026, 11, 1), done.Date);
        Assert.Equal(SessionSource.Import, done.Source);

        Assert.True(await store.DeleteSessionAsync(later.Id));
        Assert.Equal([first.Id], (await store.ListSessionsAsync(client.Id)).Select(s => s.Id));
    }

    protected async Task SettingsAreReplacedNotDuplicated()
    {
        var store = await OpenAsync();
        Assert.Null(await store.GetSettingAsync("password-hash"));
        await store.SetSettingAsync("password-hash", "one");
        await store.SetSettingAsync("password-hash", "two");
        Assert.Equal("two", await store.GetSettingAsync("password-hash"));
    }
}
