namespace QuantFunctions.Testing;

/// <summary>A theory that needs <c>../shared</c>: skipped with the reason when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!SharedData.IsAvailable)
        {
            Skip = SharedData.MissingReason;
        }
    }
}
