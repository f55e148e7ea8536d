using System.Text.Json;
using System.Text.RegularExpressions;
using QuantFunctions.Core.Scheduling;

namespace QuantFunctions.Host.Functions;

/// <summary>
/// Validates <c>functions/*/function.json</c> against the trigger schemas the app uses (httpTrigger + http,
/// timerTrigger, queueTrigger, queue output): binding types and directions, required properties,
/// allowed values, exactly one trigger, six-field NCRONTAB schedules (resolving <c>%AppSetting%</c>),
/// queue names, and that every function maps to a route or invocation the Host serves.
/// </summary>
public static partial class FunctionJsonValidator
{
    private static readonly HashSet<string> AuthLevels = new(StringComparer.Ordinal) { "anonymous", "function", "admin" };
    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal) { "get", "post", "put", "delete", "patch", "head", "options" };

    /// <summary>Validates every function folder under <paramref name="appRoot"/>; returns the problems found (empty = valid).</summary>
    /// <param name="appRoot">A folder holding <c>host.json</c> and one folder per function.</param>
    /// <param name="appSettings">App settings used to resolve <c>%NAME%</c> references (e.g. from local.settings).</param>
    /// <param name="knownFunctions">Function names the Host serves; null to skip that check.</param>
    public static IReadOnlyList<string> ValidateApp(string appRoot, IReadOnlyDictionary<string, string> appSettings, IReadOnlySet<string>? knownFunctions)
    {
        ArgumentNullException.ThrowIfNull(appRoot);
        ArgumentNullException.ThrowIfNull(appSettings);
        var problems = new List<string>();
        if (!File.Exists(Path.Combine(appRoot, "host.json")))
        {
            problems.Add($"{appRoot}: host.json is missing");
        }

        string[] folders = Directory.GetDirectories(appRoot);
        Array.Sort(folders, StringComparer.Ordinal);
        int functions = 0;
        foreach (string folder in folders)
        {
            string file = Path.Combine(folder, "function.json");
            if (!File.Exists(file))
            {
                continue;
            }

            functions++;
            string name = Path.GetFileName(folder);
            problems.AddRange(ValidateFunction(name, File.ReadAllText(file), appSettings));
            if (knownFunctions is not null && !knownFunctions.Contains(name))
            {
                problems.Add($"{name}/function.json: the Host has no handler for function '{name}'");
            }
        }

        if (functions == 0)
        {
            problems.Add($"{appRoot}: no function folders (folder/function.json)");
        }

        return problems;
    }

    /// <summary>Validates one function.json text; returns the problems, each prefixed with <c>{name}/function.json</c>.</summary>
    public static IReadOnlyList<string> ValidateFunction(string name, string json, IReadOnlyDictionary<string, string> appSettings)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(appSettings);
        var problems = new List<string>();
        string where = name + "/function.json";
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return [$"{where}: not valid JSON: {ex.Message}"];
        }

        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("bindings", out JsonElement bindings) || bindings.ValueKind != JsonValueKind.Array)
            {
                return [$"{where}: 'bindings' must be an array"];
            }

            int triggers = 0;
            bool hasHttpTrigger = false, hasHttpOut = false;
            var names = new HashSet<string>(StringComparer.Ordinal);
            int index = 0;
            foreach (JsonElement binding in bindings.EnumerateArray())
            {
                string at = $"{where}: bindings[{index++}]";
                string? type = GetString(binding, "type");
                string? direction = GetString(binding, "direction");
                string? bindingName = GetString(binding, "name");
                if (bindingName is null || !BindingName().IsMatch(bindingName))
                {
                    problems.Add($"{at}: 'name' is required and must be an identifier (or $return)");
                }
                else if (!names.Add(bindingName))
                {
                    problems.Add($"{at}: duplicate binding name '{bindingName}'");
                }

                switch (type)
                {
                    case "httpTrigger":
                        triggers++;
                        hasHttpTrigger = true;
                        RequireDirection(problems, at, direction, "in");
                        ValidateHttpTrigger(problems, at, binding);
                        break;
                    case "http":
                        hasHttpOut = true;
                        RequireDirection(problems, at, direction, "out");
                        break;
                    case "timerTrigger":
                        triggers++;
                        RequireDirection(problems, at, direction, "in");
                        ValidateTimer(problems, at, binding, appSettings);
                        break;
                    case "queueTrigger":
                        triggers++;
                        RequireDirection(problems, at, direction, "in");
                        ValidateQueueName(problems, at, binding, appSettings);
                        break;
                    case "queue":
                        RequireDirection(problems, at, direction, "out");
                        ValidateQueueName(problems, at, binding, appSettings);
                        break;
                    default:
                        problems.Add($"{at}: binding type '{type ?? "(missing)"}' is not one the app uses (httpTrigger, http, timerTrigger, queueTrigger, queue)");
                        break;
                }
            }

            if (triggers != 1)
            {
                problems.Add($"{where}: a function needs exactly one trigger binding, found {triggers}");
            }

            if (hasHttpTrigger && !hasHttpOut)
            {
                problems.Add($"{where}: an httpTrigger function needs an 'http' output binding");
            }
        }

        return problems;
    }

    private static void ValidateHttpTrigger(List<string> problems, string at, JsonElement binding)
    {
        string? auth = GetString(binding, "authLevel");
        if (auth is null || !AuthLevels.Contains(auth))
        {
            problems.Add($"{at}: 'authLevel' must be anonymous, function or admin");
        }

        if (!binding.TryGetProperty("methods", out JsonElement methods) || methods.ValueKind != JsonValueKind.Array || methods.GetArrayLength() == 0)
        {
            problems.Add($"{at}: 'methods' must be a non-empty array");
        }
        else
        {
            foreach (JsonElement m in methods.EnumerateArray())
            {
                if (m.ValueKind != JsonValueKind.String || !HttpMethods.Contains(m.GetString()!))
                {
                    problems.Add($"{at}: method '{m}' is not an HTTP method");
                }
            }
        }

        string? route = GetString(binding, "route");
        if (route is null || route.StartsWith('/') || route.Contains("//", StringComparison.Ordinal))
        {
            problems.Add($"{at}: 'route' is required, relative (no leading '/') and without empty segments");
        }
    }

    private static void ValidateTimer(List<string> problems, string at, JsonElement binding, IReadOnlyDictionary<string, string> appSettings)
    {
        string? schedule = GetString(binding, "schedule");
        if (schedule is null)
        {
            problems.Add($"{at}: 'schedule' is required");
            return;
        }

        string? resolved = Resolve(schedule, appSettings);
        if (resolved is null)
        {
            problems.Add($"{at}: schedule '{schedule}' refers to an app setting that is not defined");
            return;
        }

        try
        {
            NCrontabSchedule.Parse(resolved);
        }
        catch (FormatException ex)
        {
            problems.Add($"{at}: {ex.Message}");
        }
    }

    private static void ValidateQueueName(List<string> problems, string at, JsonElement binding, IReadOnlyDictionary<string, string> appSettings)
    {
        string? queue = GetString(binding, "queueName");
        string? resolved = queue is null ? null : Resolve(queue, appSettings);
        if (resolved is null || !QueueName().IsMatch(resolved) || resolved.Contains("--", StringComparison.Ordinal))
        {
            problems.Add($"{at}: 'queueName' must be 3-63 lowercase letters, digits and single hyphens (got '{queue}')");
        }

        if (GetString(binding, "connection") is null)
        {
            problems.Add($"{at}: 'connection' (the app setting with the storage connection) is required");
        }
    }

    private static void RequireDirection(List<string> problems, string at, string? direction, string expected)
    {
        if (direction != expected)
        {
            problems.Add($"{at}: 'direction' must be '{expected}' (got '{direction}')");
        }
    }

    private static string? Resolve(string value, IReadOnlyDictionary<string, string> appSettings)
    {
        if (value.Length > 2 && value[0] == '%' && value[^1] == '%')
        {
            return appSettings.TryGetValue(value[1..^1], out string? setting) ? setting : null;
        }

        return value;
    }

    private static string? GetString(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^([A-Za-z_][A-Za-z0-9_]*|\\$return)$")]
    private static partial Regex BindingName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueName();
}
