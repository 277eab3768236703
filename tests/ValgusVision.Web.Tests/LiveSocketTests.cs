using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ValgusVision.Web.Tests;

/// <summary>The live socket's own rules, without a browser: what it refuses before a session starts, and a frame that is not one.</summary>
public sealed class LiveSocketTests
{
    [Fact]
    public async Task APlainRequestAForeignPageAndAnUnknownExerciseAreRefused()
    {
        await using var clinic = await Clinic.StartAsync();
        long client = await clinic.CreateClientAsync("Socket Client");
        Assert.Equal(HttpStatusCode.BadRequest, (await clinic.Http.GetAsync($"/clients/{client}/live/socket")).StatusCode);

        using var foreign = new ClientWebSocket();
        foreign.Options.SetRequestHeader("Origin", "http://elsewhere.example");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(SocketUri(clinic, client), CancellationToken.None));
        Assert.Contains("403", refused.Message);

        using var unknown = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => unknown.ConnectAsync(SocketUri(clinic, client, "exercise=cartwheel"), CancellationToken.None));
        using var unknownMode = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => unknownMode.ConnectAsync(SocketUri(clinic, client, "mode=marathon"), CancellationToken.None));
        using var noClient = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => noClient.ConnectAsync(SocketUri(clinic, client + 1), CancellationToken.None));
    }

    [Fact]
    public async Task AFrameThatIsNotAnImageEndsTheSessionWithALineAndStoresNothing()
    {
        await using var clinic = await Clinic.StartAsync();
        long client = await clinic.CreateClientAsync("Socket Client");
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketUri(clinic, client), CancellationToken.None);
        byte[] message = new byte[8 + 64];
        BitConverter.TryWriteBytes(message.AsSpan(0, 8), 1234.5);
        Encoding.ASCII.GetBytes("this is not a JPEG image at all, just text").CopyTo(message, 8);
        await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

        var answer = await ReceiveJsonAsync(socket);
        Assert.Equal("error", answer.GetProperty("type").GetString());
        Assert.Contains("could not be read as a JPEG", answer.GetProperty("message").GetString());
        Assert.Empty(await clinic.Server.Store.ListSessionsAsync(client));

        // The slot is free again: a new session starts (and, stopped before any frame, stores nothing either).
        using var again = new ClientWebSocket();
        await again.ConnectAsync(SocketUri(clinic, client), CancellationToken.None);
        await again.SendAsync(Encoding.UTF8.GetBytes("stop"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var closed = await again.ReceiveAsync(new byte[256], CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, closed.MessageType);
        Assert.Empty(await clinic.Server.Store.ListSessionsAsync(client));
    }

    private static Uri SocketUri(Clinic clinic, long client, string query = "exercise=auto") =>
        new($"ws://127.0.0.1:{clinic.Server.Address.Port}/clients/{client}/live/socket?{query}");

    private static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
    }
}
