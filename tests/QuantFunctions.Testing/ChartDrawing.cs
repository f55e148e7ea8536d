namespace QuantFunctions.Testing;

/// <summary>What the browser drew for one <c>svg[data-chart]</c>: its data marks, how many have a non-empty box, and the extent of their union (CSS px).</summary>
public sealed record ChartDrawing(string Chart, int Marks, int Drawn, double Width, double Height);
