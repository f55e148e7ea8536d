namespace QuantFunctions.Stages.Promotion;

/// <summary>The outcome of one check of <c>quant validate-run</c> or one gate of <c>quant promote</c>.</summary>
public enum GateStatus
{
    /// <summary>The evidence exists and satisfies the gate.</summary>
    Pass,

    /// <summary>The evidence exists and does not satisfy the gate.</summary>
    Fail,

    /// <summary>The evidence the gate reads is absent.</summary>
    Missing,

    /// <summary>Not satisfied, but an explicit exception with a reason was given (recorded in promotion.json); counts as passing.</summary>
    Waived,
}
