using QuantFunctions.Host.Functions;

if (args.Length > 0 && args[0] == "--validate-functions")
{
    return ValidateFunctionsCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

// Under the Functions host, listen where it says (custom handler contract); otherwise Kestrel's defaults / --urls.
string? customHandlerPort = builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"];
if (!string.IsNullOrEmpty(customHandlerPort))
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
}

var app = builder.Build();

// The Functions host polls GET / until the handler answers.
app.MapGet("/", () => Results.Ok());
app.MapGet("/api/health", () => Results.Ok(new { status = "Healthy" }));
await app.RunAsync();
return 0;

/// <summary>Marker for the in-process test host.</summary>
public partial class Program;
