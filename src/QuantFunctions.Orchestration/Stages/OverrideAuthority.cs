namespace QuantFunctions.Orchestration.Stages;

/// <summary>Who gives a run's parameter overrides, which decides what they may change.</summary>
public enum OverrideAuthority
{
    /// <summary>An operator on their own machine (the CLI): any stage or pipeline parameter.</summary>
    Operator = 0,

    /// <summary>A remote caller (the HTTP API): only stage parameters marked <see cref="OverridableAttribute"/>; no pipeline parameter.</summary>
    Remote,
}
