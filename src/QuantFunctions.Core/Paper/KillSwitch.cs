namespace QuantFunctions.Core.Paper;

/// <summary>The kill switch of a paper book: once tripped it stays tripped until an audited resume.</summary>
/// <param name="Tripped">Whether new orders are refused.</param>
/// <param name="Reason">The limit that tripped it and its figures (null when not tripped).</param>
/// <param name="Date">The close at which it tripped (null when not tripped).</param>
public sealed record KillSwitch(bool Tripped, string? Reason, DateOnly? Date)
{
    /// <summary>Not tripped.</summary>
    public static KillSwitch Armed { get; } = new(false, null, null);
}
