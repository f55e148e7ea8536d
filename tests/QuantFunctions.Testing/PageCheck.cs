namespace QuantFunctions.Testing;

/// <summary>A page as headless Chromium loaded it: the errors the probe recorded (a JSON array), the browser log, and every chart's drawing.</summary>
public sealed record PageCheck(string Errors, string Log, IReadOnlyList<ChartDrawing> Charts);
