namespace QuantFunctions.Testing;

/// <summary>A fact that needs <c>../shared</c>: skipped with the reason when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = SharedData.MissingReason;
        }
    }
}
