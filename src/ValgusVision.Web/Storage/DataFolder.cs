using ValgusVision.App;

namespace ValgusVision.Web.Storage;

/// <summary>
/// Where files live beside the database: clients/&lt;client id&gt;/&lt;session id&gt;/, every name chosen here
/// (numbers and fixed words), so nothing a browser sends ever becomes part of a path.
/// </summary>
public sealed class DataFolder
{
    /// <summary>The output name of every session's files (session.report.json, session.overlay.mp4, …).</summary>
    public const string OutputName = "session";

    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Incoming);
    }

    public string Root { get; }

    /// <summary>Uploads being received: checked here, then moved into their session's folder.</summary>
    public string Incoming => Path.Combine(Root, "incoming");

    public string ClientFolder(long clientId) => Path.Combine(Root, "clients", clientId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string SessionFolder(Session session) =>
        Path.Combine(ClientFolder(session.ClientId), session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public OutputPaths Outputs(Session session) => new(SessionFolder(session), OutputName);

    public string Input(Session session) => Path.Combine(SessionFolder(session), session.InputFile);

    /// <summary>Removes a half-received upload left by a crash.</summary>
    public void ClearIncoming()
    {
        foreach (var file in Directory.EnumerateFiles(Incoming))
        {
            TryDelete(file);
        }
    }

    public void DeleteClientFiles(long clientId) => DeleteTree(ClientFolder(clientId));

    public void DeleteSessionFiles(Session session) => DeleteTree(SessionFolder(session));

    /// <summary>Removes a session's outputs (not its input) before it is analysed again.</summary>
    public void ClearOutputs(Session session)
    {
        string folder = SessionFolder(session);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, OutputName + ".*"))
        {
            TryDelete(file);
        }

        TryDelete(Outputs(session).CompletionMarker);
    }

    private static void DeleteTree(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
    }
}
