using System.Globalization;
using System.Text;

namespace ValgusVision.Cli.Config;

/// <summary>One <c>key = value</c> line of a config file; <see cref="Table"/> is null above the first <c>[table]</c>.</summary>
/// <param name="Value">A string, long, double, bool, or a list of those (a one-line array).</param>
public sealed record ConfigEntry(string? Table, string Key, object Value, int Line);

/// <summary>A config file's settings and its <c>[table]</c> headers with their lines (an empty table is still checked).</summary>
public sealed record ConfigFile(IReadOnlyList<ConfigEntry> Entries, IReadOnlyList<(string Name, int Line)> Tables);

/// <summary>
/// Reads the flat subset of TOML a <c>--config</c> file needs: comments, <c>[table]</c> headers, <c>key = value</c> with
/// basic or literal strings, integers, floats, booleans and one-line arrays of them. Anything else (dotted keys,
/// inline tables, multi-line values, dates) is refused with its line number rather than guessed at.
/// </summary>
public static class TomlSubset
{
    public static ConfigFile Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entries = new List<ConfigEntry>();
        var seen = new HashSet<(string?, string)>();
        var tables = new List<(string Name, int Line)>();
        string? table = null;
        for (int i = 0; i < lines.Count; i++)
        {
            int number = i + 1;
            var reader = new LineReader(lines[i], number);
            reader.SkipSpace();
            if (reader.AtEnd)
            {
                continue;
            }

            if (reader.Peek == '[')
            {
                reader.Next();
                reader.SkipSpace();
                table = reader.BareKey();
                reader.SkipSpace();
                reader.Expect(']');
                reader.ExpectEnd();
                if (tables.Any(t => t.Name == table))
                {
                    throw new FormatException($"table [{table}] appears twice (line {number})");
                }

                tables.Add((table, number));

                continue;
            }

            string key = reader.Key();
            reader.SkipSpace();
            reader.Expect('=');
            reader.SkipSpace();
            object value = reader.Value(allowArray: true);
            reader.ExpectEnd();
            if (!seen.Add((table, key)))
            {
                throw new FormatException($"'{key}' is set twice (line {number})");
            }

            entries.Add(new ConfigEntry(table, key, value, number));
        }

        return new ConfigFile(entries, tables);
    }

    private sealed class LineReader(string text, int line)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length || text[_at] == '#';

        public char Peek => _at < text.Length ? text[_at] : '\0';

        public char Next() => text[_at++];

        public void SkipSpace()
        {
            while (_at < text.Length && (text[_at] == ' ' || text[_at] == '\t' || text[_at] == '\r'))
            {
                _at++;
            }
        }

        public void Expect(char c)
        {
            if (Peek != c)
            {
                throw Problem($"expected '{c}'");
            }

            _at++;
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (!AtEnd)
            {
                throw Problem("unexpected text after the value");
            }
        }

        public string Key() => Peek is '"' or '\'' ? QuotedString() : BareKey();

        public string BareKey()
        {
            int start = _at;
            while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] is '-' or '_'))
            {
                _at++;
            }

            if (_at == start)
            {
                throw Problem("expected a name");
            }

            if (Peek == '.')
            {
                throw Problem("dotted keys and nested tables are not supported");
            }

            return text[start.._at];
        }

        public object Value(bool allowArray)
        {
            char c = Peek;
            if (c is '"' or '\'')
            {
                return QuotedString();
            }

            if (c == '[' && allowArray)
            {
                return Array();
            }

            int start = _at;
            while (_at < text.Length && !char.IsWhiteSpace(text[_at]) && text[_at] is not (',' or ']' or '#'))
            {
                _at++;
            }

            string word = text[start.._at];
            if (word is "true" or "false")
            {
                return word == "true";
            }

            string digits = word.Replace("_", string.Empty, StringComparison.Ordinal);
            if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            {
                return integer;
            }

            if (word.Length > 0 && (char.IsAsciiDigit(word[^1]) || char.IsAsciiDigit(word[0]))
                && double.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double real))
            {
                return real;
            }

            throw Problem(word.Length == 0 ? "expected a value" : $"'{word}' is not a TOML value (strings need quotes)");
        }

        private List<object> Array()
        {
            Expect('[');
            var items = new List<object>();
            while (true)
            {
                SkipSpace();
                if (Peek == ']')
                {
                    _at++;
                    return items;
                }

                if (_at >= text.Length)
                {
                    throw Problem("an array must close on its own line");
                }

                items.Add(Value(allowArray: false));
                SkipSpace();
                if (Peek == ',')
                {
                    _at++;
                }
                else if (Peek != ']')
                {
                    throw Problem("expected ',' or ']' in the array");
                }
            }
        }

        private string QuotedString()
        {
            char quote = Next();
            var result = new StringBuilder();
            while (_at < text.Length)
            {
                char c = Next();
                if (c == quote)
                {
                    return result.ToString();
                }

                if (c == '\\' && quote == '"')
                {
                    result.Append(Escape());
                }
                else
                {
                    result.Append(c);
                }
            }

            throw Problem("the string is not closed on its line");
        }

        private char Escape()
        {
            if (_at >= text.Length)
            {
                throw Problem("the string is not closed on its line");
            }

            return Next() switch
            {
                '"' => '"',
                '\\' => '\\',
                'n' => '\n',
                't' => '\t',
                var other => throw Problem($"unsupported escape '\\{other}' (use a 'literal string' for paths)"),
            };
        }

        private FormatException Problem(string what) => new($"{what} (line {line})");
    }
}
