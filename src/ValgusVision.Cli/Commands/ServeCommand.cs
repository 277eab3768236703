using System.CommandLine;
using System.Net;
using ValgusVision.Web;

namespace ValgusVision.Cli.Commands;

/// <summary><c>valgus serve</c>: the clinic's web app (clients, sessions, progress). The work is <see cref="WebServer"/>'s.</summary>
public sealed class ServeCommand : ICliCommandFactory
{
    public int Order => 50;

    public Command Create()
    {
        var port = new Option<int>("--port") { Description = $"port to listen on (0 picks a free one)", DefaultValueFactory = _ => ServeOptions.DefaultPort };
        var data = new Option<string?>("--data") { Description = "folder for the database, videos and reports (default: the user's local app data, ValgusVision)" };
        var database = new Option<string?>("--database") { Description = "PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…); default SQLite in the data folder" };
        var bind = new Option<string>("--bind") { Description = "address to listen on; anything but 127.0.0.1 needs a password (VALGUS_PASSWORD on the first start)", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("serve", "Run the clinic's web app: clients, their sessions (upload or import), reports and progress over time.");
        command.Options.Add(port);
        command.Options.Add(data);
        command.Options.Add(database);
        command.Options.Add(bind);
        command.SetAction(async (parse, cancellation) =>
        {
            string bindText = parse.GetValue(bind) ?? "127.0.0.1";
            if (!IPAddress.TryParse(bindText == "localhost" ? "127.0.0.1" : bindText, out var address))
            {
                throw new CliError($"--bind: '{bindText}' is not an IP address (127.0.0.1, 0.0.0.0, or one of this machine's)");
            }

            var options = new ServeOptions
            {
                Port = parse.GetValue(port),
                Bind = address,
                DataFolder = parse.GetValue(data) ?? ServeOptions.DefaultDataFolder(),
                Database = parse.GetValue(database),
                InitialPassword = Environment.GetEnvironmentVariable("VALGUS_PASSWORD"),
            };
            await using var server = await WebServer.StartAsync(options, cancellation: cancellation);
            await Console.Out.WriteLineAsync($"valgus serve: {server.Address} (data: {Path.GetFullPath(options.DataFolder)}, {server.Store.Dialect.Name}); Ctrl+C stops");
            await Console.Out.FlushAsync(cancellation);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }
}
