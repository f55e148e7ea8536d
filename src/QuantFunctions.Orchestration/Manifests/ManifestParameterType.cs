namespace QuantFunctions.Orchestration.Manifests;

/// <summary>The type of a manifest parameter, written in its declaration as <c>"type": "string"</c>, <c>"int"</c>, ….</summary>
public enum ManifestParameterType
{
    /// <summary><c>string</c>: any string.</summary>
    String = 0,

    /// <summary><c>int</c>: a whole number.</summary>
    Int,

    /// <summary><c>number</c>: any finite number.</summary>
    Number,

    /// <summary><c>bool</c>: <c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary><c>date</c>: a <c>yyyy-MM-dd</c> string.</summary>
    Date,

    /// <summary><c>enum</c>: one of the declaration's <c>values</c> (case-sensitive).</summary>
    Enum,

    /// <summary><c>list</c>: a JSON array (e.g. the items of a <c>for_each</c>).</summary>
    List,

    /// <summary><c>object</c>: a JSON object (e.g. a universe → market map).</summary>
    Object,
}
