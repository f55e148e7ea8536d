namespace QuantFunctions.Testing;

/// <summary>A fact that needs headless Chromium: skipped with the reason when it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Path is null)
        {
            Skip = HeadlessChromium.MissingReason;
        }
    }
}
