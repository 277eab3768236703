using System.CommandLine;

namespace ValgusVision.Cli;

/// <summary>
/// One top-level <c>valgus</c> command. Each implementation lives in its own file under Commands/ and is found by
/// <see cref="CliApp"/> through reflection, so adding a command never means editing a shared list.
/// </summary>
public interface ICliCommandFactory
{
    /// <summary>Position in <c>valgus --help</c> (lower first).</summary>
    int Order { get; }

    Command Create();
}
