using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Functions.Http;

/// <summary>
/// Reads a <see cref="StartRunRequest"/> strictly: at most <c>QF_MAX_REQUEST_BYTES</c>, a JSON object (or an empty body),
/// only the members <c>as_of</c>, <c>seed</c>, <c>run_id</c>, <c>set</c> and <c>params</c>, each once and of its type. Every
/// rejection is a 400 problem naming the member.
/// </summary>
public static class StartRunRequestReader
{
    /// <summary>Reads and parses the request body.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="maxBytes">The largest body accepted.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public static async Task<ApiResult<StartRunRequest>> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>Parses a body; an empty or whitespace body is an empty request.</summary>
    public static ApiResult<StartRunRequest> Parse(ReadOnlyMemory<byte> body)
    {
        if (IsBlank(body.Span))
        {
            return ApiResult<StartRunRequest>.Ok(new StartRunRequest());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return new ApiProblem(ErrorCodes.BadJson, $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            return Parse(document.RootElement);
        }
    }

    private static ApiResult<StartRunRequest> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ApiProblem(ErrorCodes.BadJson, $"The body must be a JSON object with optional members as_of, seed, run_id, set and params, not a {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var request = new StartRunRequest();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty member in root.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                return new ApiProblem(ErrorCodes.BadJson, $"Member '{member.Name}' appears more than once.");
            }

            ApiResult<StartRunRequest> next = member.Name switch
            {
                "as_of" => AsOf(request, member.Value),
                "seed" => Seed(request, member.Value),
                "run_id" => RunId(request, member.Value),
                "params" => Params(request, member.Value),
                "set" => Set(request, member.Value),
                _ => new ApiProblem(ErrorCodes.BadJson, $"Unknown member '{member.Name}': the body takes as_of, seed, run_id, set and params."),
            };
            if (!next.IsOk)
            {
                return next;
            }

            request = next.Value!;
        }

        return ApiResult<StartRunRequest>.Ok(request);
    }

    private static ApiResult<StartRunRequest> AsOf(StartRunRequest request, JsonElement value)
    {
        const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces;
        if (value.ValueKind != JsonValueKind.String)
        {
            return new ApiProblem(ErrorCodes.BadAsOf, $"as_of must be an ISO-8601 time string with an offset (e.g. \"2024-01-02T00:00:00Z\"), not a {value.ValueKind.ToString().ToLowerInvariant()}.");
        }

        string text = value.GetString()!;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset day))
        {
            return ApiResult<StartRunRequest>.Ok(request with { AsOf = day.ToUniversalTime() }); // a date alone is midnight UTC, as on the CLI
        }

        bool hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out DateTimeOffset asOf) || !text.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            return new ApiProblem(ErrorCodes.BadAsOf, $"as_of '{text}' is not an ISO-8601 time with an offset (e.g. \"2024-01-02T00:00:00Z\") or a date (\"2024-01-02\").");
        }

        return ApiResult<StartRunRequest>.Ok(request with { AsOf = asOf.ToUniversalTime() });
    }

    private static ApiResult<StartRunRequest> Seed(StartRunRequest request, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int seed)
            ? ApiResult<StartRunRequest>.Ok(request with { Seed = seed })
            : new ApiProblem(ErrorCodes.BadSeed, $"seed must be a 32-bit integer, not {value.GetRawText()}.");

    private static ApiResult<StartRunRequest> RunId(StartRunRequest request, JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? ApiResult<StartRunRequest>.Ok(request with { RunId = value.GetString() })
            : new ApiProblem(ErrorCodes.BadRunId, $"run_id must be a string, not a {value.ValueKind.ToString().ToLowerInvariant()}.");

    private static ApiResult<StartRunRequest> Params(StartRunRequest request, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return new ApiProblem(ErrorCodes.BadParams, $"params must be an array of \"stage:name=value\" strings, not a {value.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var items = new List<string>(value.GetArrayLength());
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return new ApiProblem(ErrorCodes.BadParams, $"params[{index}] must be a \"stage:name=value\" string, not {item.GetRawText()}.");
            }

            items.Add(item.GetString()!);
            index++;
        }

        return ApiResult<StartRunRequest>.Ok(request with { Params = items });
    }

    private static ApiResult<StartRunRequest> Set(StartRunRequest request, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return new ApiProblem(ErrorCodes.BadSet, $"set must be an object of parameter name: value (e.g. {{\"sleeve\": \"equity_long\"}}), not a {value.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty parameter in value.EnumerateObject())
        {
            if (parameter.Value.ValueKind == JsonValueKind.Null || !values.TryAdd(parameter.Name, parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText()))
            {
                return new ApiProblem(ErrorCodes.BadSet, $"set.{parameter.Name} must be given once, with a value (not null).");
            }
        }

        return ApiResult<StartRunRequest>.Ok(request with { Set = values });
    }

    private static ApiResult<StartRunRequest> TooLarge(int maxBytes) =>
        new ApiProblem(ErrorCodes.BodyTooLarge, $"The request body exceeds the limit of {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes (QF_MAX_REQUEST_BYTES).");

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (byte b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
