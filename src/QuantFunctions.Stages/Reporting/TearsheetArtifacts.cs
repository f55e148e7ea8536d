using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Reporting;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Reporting;

/// <summary>
/// Reads the artifacts a tear sheet shows when a sleeve has them in the run: the selection funnel
/// (<c>gold/{sleeve}/…/funnel/run=…/funnel.json</c>, written by <c>alpha.select</c>) and the regime
/// (<c>…/regime/run=…/regime.json</c>, written by the regime stage). Absent → null; present but of another shape →
/// <see cref="ErrorCodes.ReportArtifactInvalid"/>.
/// </summary>
public static class TearsheetArtifacts
{
    /// <summary>The funnel file of a sleeve in the context's run.</summary>
    public static LakePath FunnelPath(StageContext context, string sleeve) => StageDatasets.GoldFile(context, sleeve, "funnel", "funnel.json");

    /// <summary>The regime file of a sleeve in the context's run.</summary>
    public static LakePath RegimePath(StageContext context, string sleeve) => StageDatasets.GoldFile(context, sleeve, "regime", "regime.json");

    /// <summary>The selection funnel, or null when the sleeve has none.</summary>
    /// <exception cref="DomainValidationException">The file is not the agreed shape.</exception>
    public static async Task<SelectionFunnel?> ReadFunnelAsync(StageContext context, string sleeve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LakePath path = FunnelPath(context, sleeve);
        JsonObject? root = await ReadObjectAsync(context, path, cancellationToken);
        return root is null ? null : ParseFunnel(root, path.ToString());
    }

    /// <summary>The regime, or null when the sleeve has none.</summary>
    /// <exception cref="DomainValidationException">The file is not the agreed shape.</exception>
    public static async Task<RegimeView?> ReadRegimeAsync(StageContext context, string sleeve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LakePath path = RegimePath(context, sleeve);
        JsonObject? root = await ReadObjectAsync(context, path, cancellationToken);
        return root is null ? null : ParseRegime(root, path.ToString());
    }

    /// <summary>Parses <c>{"standard","as_of","htr_stage","stages":[{"name","count"}],"winners":[…]}</c>; a winner may be a string or an object with <c>symbol</c>.</summary>
    internal static SelectionFunnel ParseFunnel(JsonObject root, string what)
    {
        var stages = new List<FunnelStage>();
        foreach (JsonNode? s in Array(root, "stages", what))
        {
            JsonObject stage = s as JsonObject ?? throw Invalid(what, "stages[]", "an object");
            stages.Add(new FunnelStage(Text(stage, "name", what), Count(stage, "count", what)));
        }

        var winners = new List<string>();
        foreach (JsonNode? w in Array(root, "winners", what))
        {
            winners.Add(w switch
            {
                JsonValue v when v.TryGetValue(out string? s) => s,
                JsonObject o when o["symbol"] is JsonValue v && v.TryGetValue(out string? s) => s,
                _ => throw Invalid(what, "winners[]", "a string or an object with 'symbol'"),
            });
        }

        return new SelectionFunnel(Text(root, "standard", what), Text(root, "as_of", what), Text(root, "htr_stage", what), stages, winners);
    }

    /// <summary>Parses <c>{"model_id","version","as_of","label","quadrant","series":[{"date","label","quadrant"}]}</c>; dates ISO (<c>yyyy-MM-dd</c>), increasing.</summary>
    internal static RegimeView ParseRegime(JsonObject root, string what)
    {
        var series = new List<RegimePoint>();
        foreach (JsonNode? p in Array(root, "series", what))
        {
            JsonObject point = p as JsonObject ?? throw Invalid(what, "series[]", "an object");
            string date = Text(point, "date", what);
            if (!DateOnly.TryParseExact(date.Length >= 10 ? date[..10] : date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
            {
                throw Invalid(what, "series[].date", $"an ISO date (got '{date}')");
            }

            if (series.Count > 0 && d <= series[^1].Date)
            {
                throw Invalid(what, "series[].date", $"increasing dates ({date} follows {series[^1].Date:yyyy-MM-dd})");
            }

            series.Add(new RegimePoint(d, Text(point, "label", what), Text(point, "quadrant", what)));
        }

        return new RegimeView(Text(root, "model_id", what), Text(root, "version", what), Text(root, "as_of", what), Text(root, "label", what), Text(root, "quadrant", what), series);
    }

    private static async Task<JsonObject?> ReadObjectAsync(StageContext context, LakePath path, CancellationToken cancellationToken)
    {
        LakeObject? obj = await context.Lake.TryReadAsync(path, cancellationToken);
        if (obj is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(obj.Content.Span) as JsonObject ?? throw Invalid(path.ToString(), "(root)", "a JSON object");
        }
        catch (JsonException ex)
        {
            throw new DomainValidationException(ErrorCodes.ReportArtifactInvalid, $"{path}: not JSON ({ex.Message})", ex);
        }
    }

    private static JsonArray Array(JsonObject o, string name, string what) => o[name] as JsonArray ?? throw Invalid(what, name, "an array");

    /// <summary>A string member; a number (e.g. an HTR stage 3.4) is taken as its JSON text.</summary>
    private static string Text(JsonObject o, string name, string what) => o[name] switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => throw Invalid(what, name, "a string"),
    };

    private static long Count(JsonObject o, string name, string what) =>
        o[name] is JsonValue v && v.TryGetValue(out long n) && n >= 0 ? n : throw Invalid(what, name, "a non-negative integer");

    private static DomainValidationException Invalid(string what, string field, string expected) =>
        new(ErrorCodes.ReportArtifactInvalid, $"{what}: '{field}' must be {expected}.");
}
