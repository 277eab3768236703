using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace ValgusVision.Web.Pages;

/// <summary>
/// A piece of HTML that is safe to send: built only by <see cref="Html.H"/>, whose interpolation holes are escaped
/// unless they are themselves <see cref="SafeHtml"/>. So a client's name can only ever reach a page as text.
/// </summary>
public readonly struct SafeHtml
{
    internal SafeHtml(string value) => Value = value;

    public string Value { get; }

    public static SafeHtml Empty { get; } = new(string.Empty);

    public override string ToString() => Value ?? string.Empty;
}

/// <summary>Builds <see cref="SafeHtml"/>: literal parts as written, every hole escaped (numbers in invariant culture).</summary>
[InterpolatedStringHandler]
public ref struct HtmlHandler
{
    private readonly StringBuilder _html;

    public HtmlHandler(int literalLength, int formattedCount) => _html = new StringBuilder(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string literal) => _html.Append(literal);

    public readonly void AppendFormatted(SafeHtml html) => _html.Append(html.Value);

    public readonly void AppendFormatted(IEnumerable<SafeHtml> parts)
    {
        foreach (var part in parts)
        {
            _html.Append(part.Value);
        }
    }

    public readonly void AppendFormatted(string? text) => _html.Append(WebUtility.HtmlEncode(text ?? string.Empty));

    /// <remarks>
    /// Overload resolution prefers this generic one to the <see cref="IEnumerable{SafeHtml}"/> overload for a
    /// List&lt;SafeHtml&gt; hole, so it looks again here: markup stays markup, everything else is escaped text.
    /// </remarks>
    public readonly void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case SafeHtml html:
                AppendFormatted(html);
                break;
            case IEnumerable<SafeHtml> parts:
                AppendFormatted(parts);
                break;
            default:
                _html.Append(WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
    }

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable =>
        _html.Append(WebUtility.HtmlEncode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal readonly SafeHtml Build() => new(_html.ToString());
}

public static class Html
{
    public static SafeHtml H(ref HtmlHandler html) => html.Build();

    public static SafeHtml Join(IEnumerable<SafeHtml> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static SafeHtml When(bool condition, SafeHtml html) => condition ? html : SafeHtml.Empty;

    /// <summary>A number to one decimal, or "unknown" (never a guess, never coloured).</summary>
    public static SafeHtml Degrees(double? value) =>
        value is { } v ? H($"{v.ToString("0.0", CultureInfo.InvariantCulture)}°") : H($"<span class=\"unknown\">unknown</span>");

    /// <summary>Trusted constant markup (a literal in this assembly's source, never data).</summary>
    internal static SafeHtml Constant(string markup) => new(markup);
}
