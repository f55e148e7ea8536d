using System.Globalization;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// One cell of a tournament matrix: selection standard × allocation engine × risk profile × simulator, optionally with
/// its own selection lookback and rebalance step. Its <see cref="Id"/> is the plan's for_each item: the values joined by
/// <c>__</c> in that order (<c>v3_4__hrp__long_only__t2</c>, or <c>…__t2__60__20</c> with lookback and step).
/// </summary>
/// <param name="Standard">
/// The selection standard as a for_each item: the standard's name with <c>_</c> for <c>.</c> (<c>v3_4</c> = v3.4), because
/// plan items are identifiers (see <see cref="SelectionStandard"/>).
/// </param>
/// <param name="Engine">An allocation engine registry name.</param>
/// <param name="Profile">A <see cref="RiskProfiles"/> id.</param>
/// <param name="Simulator">A <see cref="CellSimulator"/> id.</param>
/// <param name="Lookback">The selection lookback override (sessions), or null for the tournament's.</param>
/// <param name="Step">The rebalance step override (sessions), or null for the tournament's.</param>
public sealed record TournamentCell(string Standard, string Engine, string Profile, string Simulator, int? Lookback = null, int? Step = null)
{
    /// <summary>Joins a cell's values (the plan's matrix separator).</summary>
    internal const string Separator = "__";

    /// <summary>The selection standard's name (<see cref="Selection.SelectionStandards"/>): <see cref="Standard"/> with <c>.</c> for <c>_</c>.</summary>
    public string SelectionStandard => Standard.Replace('_', '.');

    /// <summary>The selection the cell trades (shared with every cell of the same standard, lookback and step).</summary>
    public CellSelection Selection => new(Standard, Lookback, Step);

    /// <summary>The cell id (the for_each item).</summary>
    public string Id => Lookback is null
        ? string.Join(Separator, Standard, Engine, Profile, Simulator)
        : string.Join(Separator, Standard, Engine, Profile, Simulator, Lookback.Value.ToString(CultureInfo.InvariantCulture), Step!.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses a cell id of four or six parts.</summary>
    /// <exception cref="TournamentException">Another number of parts, or a lookback or step that is not a positive integer.</exception>
    public static TournamentCell Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        string[] parts = id.Split(Separator);
        if (parts.Length is not (4 or 6))
        {
            throw new TournamentException(ErrorCodes.TournamentCellInvalid,
                $"Tournament cell '{id}': expected standard__engine__profile__simulator[__lookback__step], got {parts.Length} part(s).", id);
        }

        return parts.Length == 4
            ? new TournamentCell(parts[0], parts[1], parts[2], parts[3])
            : new TournamentCell(parts[0], parts[1], parts[2], parts[3], Positive(parts[4], id, "lookback"), Positive(parts[5], id, "step"));
    }

    /// <summary>A positive integer part of an id.</summary>
    internal static int Positive(string text, string id, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new TournamentException(ErrorCodes.TournamentCellInvalid, $"Tournament cell '{id}': {what} '{text}' is not a positive integer.", id);
}
