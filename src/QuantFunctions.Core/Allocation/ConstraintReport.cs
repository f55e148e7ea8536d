namespace QuantFunctions.Core.Allocation;

/// <summary>Every constraint of a problem evaluated at a weight vector.</summary>
/// <param name="Checks">One line per constraint.</param>
/// <param name="Tolerance">The violation tolerance used.</param>
public sealed record ConstraintReport(IReadOnlyList<ConstraintCheck> Checks, double Tolerance)
{
    /// <summary>Whether every constraint holds.</summary>
    public bool AllPassed
    {
        get
        {
            foreach (ConstraintCheck c in Checks)
            {
                if (!c.Passed)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The names of the violated constraints.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            var v = new List<string>();
            foreach (ConstraintCheck c in Checks)
            {
                if (!c.Passed)
                {
                    v.Add(c.Name);
                }
            }

            return v;
        }
    }
}
