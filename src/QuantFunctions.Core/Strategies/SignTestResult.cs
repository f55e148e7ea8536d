namespace QuantFunctions.Core.Strategies;

/// <summary>One sleeve's directional sign test (see <see cref="DirectionalSignTest"/>).</summary>
/// <param name="Sleeve">The sleeve.</param>
/// <param name="Declared">Its declared direction.</param>
/// <param name="PreChecked">Atoms checked in the pre-optimisation artifact (allocated atom weights); −1 when the artifact is missing.</param>
/// <param name="PreViolations">Atoms of the other direction, or with a negative weight.</param>
/// <param name="PostChecked">Positions checked in the post-optimisation artifact (net weights per symbol); −1 when the artifact is missing.</param>
/// <param name="PostViolations">Positions whose sign points against the declared direction.</param>
/// <param name="FirstViolation">The first offending symbol and why, or null.</param>
/// <param name="TwoBooks">A market-neutral sleeve: a LONG and a SHORT book, each atom checked against its own book.</param>
public sealed record SignTestResult(string Sleeve, Direction Declared, int PreChecked, int PreViolations, int PostChecked, int PostViolations, string? FirstViolation, bool TwoBooks = false)
{
    /// <summary>What the sleeve declared: <c>LONG</c>, <c>SHORT</c>, or <c>LONG_SHORT</c> for two books.</summary>
    public string DeclaredName => TwoBooks ? "LONG_SHORT" : Declared.ToString().ToUpperInvariant();

    /// <summary>Both artifacts were present and neither had a violation.</summary>
    public bool Passed => PreChecked >= 0 && PostChecked >= 0 && PreViolations == 0 && PostViolations == 0;
}
