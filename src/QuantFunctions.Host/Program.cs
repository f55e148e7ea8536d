var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/api/health", () => Results.Ok(new { status = "Healthy" }));
app.Run();

/// <summary>Marker for the in-process test host.</summary>
public partial class Program;
