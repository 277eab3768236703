using System.CommandLine;
using System.Globalization;

namespace ValgusVision.Cli.Config;

/// <summary>
/// <c>--config FILE</c> (issue 21 item 6): a TOML file whose keys are the commands' long option names without dashes,
/// at the top (for every command that has the option) or in a <c>[analyze]</c>/<c>[live]</c>/… table (that command only,
/// winning over the top). Each setting becomes command-line tokens placed right after the command's name, and only for
/// options the command line does not give, so the command line wins and every value meets the option's own checks.
/// </summary>
public static class ConfigArguments
{
    public const string Name = "--config";

    /// <summary>Keys that are options but make no sense in a file.</summary>
    private static readonly HashSet<string> NotSettable = new(StringComparer.Ordinal) { "config", "help", "version" };

    /// <summary>The option as each command that reads config files shows it; its value is read by <see cref="Expand"/>.</summary>
    public static Option<string?> CreateOption() => new(Name)
    {
        HelpName = "file",
        Description = "TOML file of option defaults (keys: long option names without dashes; [analyze], [live], … tables per command); the command line wins",
    };

    /// <summary>The command line with the config file's settings inserted; unchanged when no <c>--config</c> is given.</summary>
    public static string[] Expand(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(args);
        var parse = root.Parse(args);
        var command = parse.CommandResult.Command;
        var configOption = command.Options.FirstOrDefault(o => o.Name == Name);
        var given = configOption is null ? null : parse.GetResult(configOption);
        if (given is null || given.Implicit || given.Tokens.Count == 0)
        {
            return args;
        }

        string path = given.Tokens[0].Value;
        var file = Read(path);
        var tokens = new List<string>();
        foreach (var (key, value) in Settings(root, command, file, path))
        {
            var option = command.Options.First(o => o.Name == "--" + key);
            var result = parse.GetResult(option);
            if (result is { Implicit: false })
            {
                continue; // the command line wins
            }

            tokens.AddRange(Tokens(option, value));
        }

        int at = Array.FindIndex(args, a => a == command.Name || command.Aliases.Contains(a));
        if (at < 0 || tokens.Count == 0)
        {
            return args;
        }

        return [.. args[..(at + 1)], .. tokens, .. args[(at + 1)..]];
    }

    private static ConfigFile Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliError($"{Name} {path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliError($"{Name} {path}: cannot be read ({e.Message})", CliError.BadInput, e);
        }

        try
        {
            return TomlSubset.Parse(lines);
        }
        catch (FormatException e)
        {
            throw new CliError($"{Name} {path}: {e.Message}", CliError.BadInput, e);
        }
    }

    /// <summary>The settings for <paramref name="command"/>: its table's over the top's; unknown keys and tables refused.</summary>
    private static List<(string Key, object Value)> Settings(RootCommand root, Command command, ConfigFile file, string path)
    {
        var readers = root.Subcommands.Where(c => c.Options.Any(o => o.Name == Name)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var unknown = file.Tables.FirstOrDefault(t => !readers.ContainsKey(t.Name));
        if (unknown.Name is not null)
        {
            throw new CliError($"{Name} {path}: unknown table [{unknown.Name}] (line {unknown.Line}); use {string.Join(", ", readers.Keys.Select(k => $"[{k}]"))}");
        }

        var chosen = new Dictionary<string, object>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var entry in file.Entries.OrderBy(e => e.Table is null ? 0 : 1))
        {
            IEnumerable<Command> scope;
            if (entry.Table is null)
            {
                scope = readers.Values;
            }
            else
            {
                scope = [readers[entry.Table]];
            }

            if (NotSettable.Contains(entry.Key) || !scope.Any(c => Has(c, entry.Key)))
            {
                throw new CliError($"{Name} {path}: unknown option '{entry.Key}' (line {entry.Line})");
            }

            if ((entry.Table is null || entry.Table == command.Name) && Has(command, entry.Key))
            {
                if (!chosen.ContainsKey(entry.Key))
                {
                    order.Add(entry.Key);
                }

                chosen[entry.Key] = entry.Value;
            }
        }

        return order.Select(k => (k, chosen[k])).ToList();
    }

    private static bool Has(Command command, string key) => command.Options.Any(o => o.Name == "--" + key);

    /// <summary>
    /// The tokens for one setting: a bool for a flag is its value (<c>--force true</c>), for an on|off option on or off; an
    /// array repeats the option where it takes many values, else its items are joined with commas (formats).
    /// </summary>
    private static IEnumerable<string> Tokens(Option option, object value)
    {
        if (value is List<object> items)
        {
            if (option.Arity.MaximumNumberOfValues > 1)
            {
                return items.SelectMany(item => new[] { option.Name, Text(option, item) });
            }

            return [option.Name, string.Join(',', items.Select(item => Text(option, item)))];
        }

        return [option.Name, Text(option, value)];
    }

    private static string Text(Option option, object value) => value switch
    {
        bool b when option.ValueType == typeof(bool) => b ? "true" : "false",
        bool b => b ? "on" : "off",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };
}
