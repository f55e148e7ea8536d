namespace QuantFunctions.Core.Returns;

/// <summary>How expected returns are estimated from history.</summary>
public enum ExpectedReturnMethod
{
    /// <summary>Annualised arithmetic mean.</summary>
    Arithmetic,

    /// <summary>Annualised geometric (compounded) mean.</summary>
    Geometric,
}
