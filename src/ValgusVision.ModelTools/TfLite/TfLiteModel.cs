namespace ValgusVision.ModelTools.TfLite;

/// <summary>
/// A TFLite model file read with our own FlatBuffer reader (field numbers from TFLite's public
/// <c>schema.fbs</c>). Everything is read eagerly and bounds-checked, so after <see cref="Load"/> or
/// <see cref="Parse(byte[], string)"/> succeeds no later access can fail on a malformed file.
/// </summary>
public sealed class TfLiteModel
{
    internal TfLiteModel(string name, uint version, string? description, IReadOnlyList<TfLiteSubgraph> subgraphs)
    {
        Name = name;
        Version = version;
        Description = description;
        Subgraphs = subgraphs;
    }

    /// <summary>The name used in errors (usually the file path).</summary>
    public string Name { get; }

    /// <summary>Schema version (3 for all current files).</summary>
    public uint Version { get; }

    /// <summary>Free-text description, e.g. "MLIR Converted.".</summary>
    public string? Description { get; }

    public IReadOnlyList<TfLiteSubgraph> Subgraphs { get; }

    /// <summary>The main (first) subgraph.</summary>
    public TfLiteSubgraph Subgraph => Subgraphs[0];

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid TFLite model; the message names the file and the problem.</exception>
    public static TfLiteModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses a TFLite FlatBuffer held in memory (the array is kept, not copied).</summary>
    /// <exception cref="InvalidDataException">Not a valid TFLite model; the message starts with <paramref name="nameForErrors"/>.</exception>
    public static TfLiteModel Parse(byte[] bytes, string nameForErrors)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return TfLiteModelParser.Parse(new FlatBufferReader(bytes, nameForErrors));
    }

    /// <summary>Parses a TFLite FlatBuffer held in memory (copied once).</summary>
    /// <exception cref="InvalidDataException">Not a valid TFLite model; the message starts with <paramref name="nameForErrors"/>.</exception>
    public static TfLiteModel Parse(ReadOnlySpan<byte> bytes, string nameForErrors)
        => Parse(bytes.ToArray(), nameForErrors);
}
