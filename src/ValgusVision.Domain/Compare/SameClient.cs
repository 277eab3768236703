namespace ValgusVision.Domain.Compare;

/// <summary>
/// Refuses to put different people in one report: two recordings whose reports name different clients are never
/// compared or charted together. A report without a client name (older reports, the command line without one)
/// neither proves nor refutes anything, so it is accepted beside named ones.
/// </summary>
public static class SameClient
{
    /// <summary>The one client named by <paramref name="sessions"/>, or null when none is named.</summary>
    /// <exception cref="ArgumentException">Two sessions name different clients.</exception>
    public static string? Of(IEnumerable<SessionRecord> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        SessionRecord? named = null;
        foreach (var session in sessions)
        {
            if (Normal(session.Client) is not { } name)
            {
                continue;
            }

            if (named is null)
            {
                named = session;
            }
            else if (!string.Equals(Normal(named.Client), name, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    $"{named.Source} is of \"{named.Client!.Trim()}\" but {session.Source} is of \"{session.Client!.Trim()}\": reports of different people are not put together");
            }
        }

        return named?.Client?.Trim();
    }

    // "Anna  Berg" and "anna berg" are one person; nothing cleverer, since a wrong merge would mix two people.
    private static string? Normal(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
