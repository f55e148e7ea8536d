using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Trading;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.Trading;

namespace QuantFunctions.Stages.Promotion;

/// <summary>
/// The promotion checklist as code (seed 002 §4 and seed 000 §3 item 20): each gate of <see cref="PromotionEvidence.Gates"/>
/// is PASS, FAIL or MISSING with the lake path of its evidence (or WAIVED by an explicit exception). A run is promotable
/// only when every gate passes.
/// </summary>
public static class Promoter
{
    /// <summary>Evaluates every gate.</summary>
    /// <param name="lake">The lake.</param>
    /// <param name="run">The model run to promote.</param>
    /// <param name="findRun">Finds a run by id in any scope (the data run behind the selection).</param>
    /// <param name="options">Meta, burn-in length, exceptions.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<IReadOnlyList<GateResult>> EvaluateAsync(ILakeStore lake, RunRecord run, Func<string, CancellationToken, Task<RunRecord?>> findRun, PromotionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(findRun);
        ArgumentNullException.ThrowIfNull(options);
        List<JsonObject> selections = await SelectionsAsync(lake, run, cancellationToken);
        LakePath? scoreboardPath = PromotionEvidence.Scoreboard(run, options);
        JsonObject? scoreboard = scoreboardPath is { } boardPath ? await ReadJsonAsync(lake, boardPath, cancellationToken) : null;
        var gates = new List<GateResult>
        {
            await ReproducibleAsync(lake, run, cancellationToken),
            await DataHealthAsync(lake, selections, cancellationToken),
            Scoreboard("strict_scoreboard", scoreboardPath, options, scoreboard, r => r["strict"]?.GetValue<bool>() == true && r["baseline"]?.GetValue<bool>() != true, "non-baseline strict candidate"),
            Scoreboard("baseline_rows", scoreboardPath, options, scoreboard, r => r["baseline"]?.GetValue<bool>() == true, "baseline row"),
            await SimulatorAsync(lake, run, options, cancellationToken),
            await OrdersAsync(lake, run, options, cancellationToken),
            await BurnInAsync(lake, run, options, cancellationToken),
            await CoverageAsync(lake, selections, findRun, cancellationToken),
        };
        for (int i = 0; i < gates.Count; i++)
        {
            if (!gates[i].Passed && options.Exceptions.TryGetValue(gates[i].Gate, out string? reason))
            {
                gates[i] = gates[i] with { Status = GateStatus.Waived, Detail = $"exception: {reason} (was {GateJson.Name(gates[i].Status)}: {gates[i].Detail})" };
            }
        }

        return gates;
    }

    /// <summary>Writes <c>promotion.json</c> and <c>promotion.md</c> into the run folder; returns their paths.</summary>
    public static async Task<(LakePath Json, LakePath Markdown)> WriteAsync(ILakeStore lake, RunRecord run, IReadOnlyList<GateResult> gates, PromotionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(options);
        bool passed = gates.All(g => g.Passed);
        var exceptions = new JsonObject();
        foreach (KeyValuePair<string, string> e in options.Exceptions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            exceptions[e.Key] = e.Value;
        }

        var document = new JsonObject
        {
            ["run_id"] = run.RunId.Value,
            ["scope"] = run.Scope.Value,
            ["pipeline"] = run.PipelineId.Value,
            ["meta"] = options.Meta,
            ["burn_in_days"] = options.BurnInDays,
            ["tournament_run"] = options.Tournament?.RunId.Value,
            ["promotable"] = passed,
            ["exceptions"] = exceptions,
            ["gates"] = GateJson.ToJson(gates),
        };
        LakePath folder = LakePathResolver.RunFolder(run.Scope, run.RunId);
        LakePath json = folder.Append("promotion.json");
        LakePath md = folder.Append("promotion.md");
        await lake.WriteAsync(json, StageJson.ToBytes(document), LakeWriteMode.Overwrite, cancellationToken);
        await lake.WriteAsync(md, System.Text.Encoding.UTF8.GetBytes(GateJson.ToMarkdown($"Promotion of run {run.RunId}", gates, passed)), LakeWriteMode.Overwrite, cancellationToken);
        return (json, md);
    }

    private static async Task<GateResult> ReproducibleAsync(ILakeStore lake, RunRecord run, CancellationToken cancellationToken)
    {
        IReadOnlyList<GateResult> checks = await RunValidator.ValidateAsync(lake, run, cancellationToken);
        string failing = string.Join("; ", checks.Where(c => !c.Passed).Select(c => $"{c.Gate} {GateJson.Name(c.Status)}: {c.Detail}"));
        return new("reproducible_selection", checks.All(c => c.Passed) ? GateStatus.Pass : checks.Any(c => c.Status == GateStatus.Fail) ? GateStatus.Fail : GateStatus.Missing,
            LakePathResolver.RunFolder(run.Scope, run.RunId).Value, failing.Length == 0 ? "manifest snapshot, artifacts, fingerprints and ledger verify" : failing);
    }

    // The alpha.selection decisions of the run's ledger (selected symbols and the DataOps hand-off they read).
    private static async Task<List<JsonObject>> SelectionsAsync(ILakeStore lake, RunRecord run, CancellationToken cancellationToken)
    {
        var selections = new List<JsonObject>();
        if (await lake.TryReadAsync(LakePathResolver.AuditLedger(run.Scope, run.RunId), cancellationToken) is not { } ledger)
        {
            return selections;
        }

        foreach (string line in System.Text.Encoding.UTF8.GetString(ledger.Content.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (JsonNode.Parse(line) is JsonObject entry && entry["kind"]?.GetValue<string>() == "alpha.selection" && entry["data"] is JsonObject data)
            {
                selections.Add(data);
            }
        }

        return selections;
    }

    private static async Task<GateResult> DataHealthAsync(ILakeStore lake, List<JsonObject> selections, CancellationToken cancellationToken)
    {
        var registries = new SortedSet<string>(StringComparer.Ordinal);
        var selected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (JsonObject s in selections)
        {
            foreach (JsonNode? symbol in s["selected"]?.AsArray() ?? [])
            {
                selected.Add(symbol!.GetValue<string>());
            }

            foreach (KeyValuePair<string, JsonNode?> f in s["source"]?["fingerprints"]?.AsObject() ?? [])
            {
                if (f.Key.Contains("/health/run=", StringComparison.Ordinal) && f.Key.EndsWith(".parquet", StringComparison.Ordinal))
                {
                    registries.Add(f.Key);
                }
            }
        }

        if (selected.Count == 0 || registries.Count == 0)
        {
            return new("data_health", GateStatus.Missing, registries.FirstOrDefault() ?? "silver/{universe}/{pipeline}/version={v}/health", "no selection with a health registry in the run's ledger");
        }

        var status = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in registries)
        {
            LakeTable table = await LakeTableStore.ReadAsync(lake, LakePath.Parse(path), ["symbol", "status"], cancellationToken);
            string[] symbols = table.Strings("symbol"), statuses = table.Strings("status");
            for (int i = 0; i < symbols.Length; i++)
            {
                status[symbols[i]] = statuses[i];
            }
        }

        var unhealthy = selected.Where(s => status.GetValueOrDefault(s) != "HEALTHY").Select(s => $"{s} {status.GetValueOrDefault(s) ?? "absent"}").ToList();
        return new("data_health", unhealthy.Count == 0 ? GateStatus.Pass : GateStatus.Fail, string.Join(", ", registries),
            unhealthy.Count == 0 ? $"all {selected.Count} selected symbols HEALTHY (strict)" : $"{unhealthy.Count} of {selected.Count} not HEALTHY: {string.Join(", ", unhealthy.Take(5))}");
    }

    private static GateResult Scoreboard(string gate, LakePath? path, PromotionOptions options, JsonObject? scoreboard, Func<JsonNode, bool> wanted, string what)
    {
        string source = options.Tournament is { } t ? $"tournament run '{t.RunId}'" : "the run (no --tournament given)";
        string evidence = path?.Value ?? LakePathResolver.RunRecord(options.Tournament!.Scope, options.Tournament.RunId).Value;
        if (scoreboard?["rows"] is not JsonArray rows)
        {
            return new(gate, GateStatus.Missing, evidence, path is null ? $"{source} recorded no scoreboard_json output" : $"no strict scoreboard of {source}");
        }

        int count = rows.Count(r => r is not null && wanted(r));
        return new(gate, count > 0 ? GateStatus.Pass : GateStatus.Fail, evidence, $"{count} {what}(s) among {rows.Count} rows of {source}");
    }

    private static async Task<GateResult> SimulatorAsync(ILakeStore lake, RunRecord run, PromotionOptions options, CancellationToken cancellationToken)
    {
        LakePath path = PromotionEvidence.SimulatorParity(run, options.Meta);
        JsonObject? parity = await ReadJsonAsync(lake, path, cancellationToken);
        return parity?["within_bounds"] is JsonNode ok
            ? new("simulator_sanity", ok.GetValue<bool>() ? GateStatus.Pass : GateStatus.Fail, path.Value, parity["detail"]?.GetValue<string>() ?? (ok.GetValue<bool>() ? "within bounds" : "out of bounds"))
            : new("simulator_sanity", GateStatus.Missing, path.Value, "no simulator parity record for the run");
    }

    // Re-sizes the recorded decision trail with the recorded rules: the same orders must come out (deterministic, lot- and minimum-aware).
    private static async Task<GateResult> OrdersAsync(ILakeStore lake, RunRecord run, PromotionOptions options, CancellationToken cancellationToken)
    {
        LakeIdentifier meta = LakeIdentifier.Parse(options.Meta, "meta");
        LakeIdentifier dataset = LakeIdentifier.Parse(OrdersTable.Dataset);
        LakePath jsonPath = LakePathResolver.GoldFile(meta, run.PipelineId, run.PipelineVersion, dataset, run.RunId, OrdersTable.JsonFile);
        LakePath partPath = LakePathResolver.GoldPart(meta, run.PipelineId, run.PipelineVersion, dataset, run.RunId, 0);
        JsonObject? document = await ReadJsonAsync(lake, jsonPath, cancellationToken);
        if (document is null || await lake.GetInfoAsync(partPath, cancellationToken) is null)
        {
            return new("orders", GateStatus.Missing, jsonPath.Value, "no orders.json and decision trail for the run");
        }

        LakeTable trail = await LakeTableStore.ReadAsync(lake, partPath, cancellationToken: cancellationToken);
        string[] symbols = trail.Strings("symbol");
        double[] price = trail.Doubles("price"), target = trail.Doubles("target_weight"), current = trail.Doubles("current_quantity");
        var targets = new Dictionary<string, double>(StringComparer.Ordinal);
        var holdings = new Dictionary<string, double>(StringComparer.Ordinal);
        var prices = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < symbols.Length; i++)
        {
            (targets[symbols[i]], holdings[symbols[i]], prices[symbols[i]]) = (target[i], current[i], price[i]);
        }

        try
        {
            var venues = document["venues"]?.Deserialize<Dictionary<string, VenueParameters>>(StageJson.Options) ?? VenueParameters.Defaults();
            VenueParameters fallback = document["default_venue"]?.Deserialize<VenueParameters>(StageJson.Options) ?? new VenueParameters();
            string prefix = DateOnly.ParseExact(document["price_date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            OrderSizingOptions sizing = VenueParameters.Sizing(document["capital"]!.GetValue<double>(), document["partial_rebalance"]!.GetValue<double>(), fallback, venues, prefix);
            OrderPlan replay = OrderSizer.Plan(targets, holdings, prices, sizing);
            JsonArray recorded = document["orders"]!.AsArray();
            bool same = recorded.Count == replay.Orders.Count && replay.Orders.Select((o, i) => (o, i)).All(x =>
                recorded[x.i]!["order_id"]!.GetValue<string>() == x.o.OrderId && recorded[x.i]!["quantity"]!.GetValue<double>() == x.o.Quantity);
            return new("orders", same ? GateStatus.Pass : GateStatus.Fail, jsonPath.Value,
                same ? $"{replay.Orders.Count} orders reproduce from the decision trail ({symbols.Length} symbols, sells before buys, whole lots, minimums applied)" : "re-sizing the recorded decision trail gives different orders");
        }
        catch (Exception ex) when (ex is TradingException or JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return new("orders", GateStatus.Fail, jsonPath.Value, "orders.json cannot be replayed: " + ex.Message);
        }
    }

    private static async Task<GateResult> BurnInAsync(ILakeStore lake, RunRecord run, PromotionOptions options, CancellationToken cancellationToken)
    {
        var store = new PaperStore(lake, LakeIdentifier.Parse(options.Meta, "meta"), LakeIdentifier.Parse(options.PaperPipeline, "paper pipeline"), SemVer.Parse(options.PaperVersion));
        IReadOnlyList<DateOnly> days = await store.DaysAsync(cancellationToken);
        int clean = 0, traded = 0;
        string? trip = null;
        for (int i = days.Count - 1; i >= 0; i--)
        {
            JsonObject book = (await store.ReadBookAsync(days[i], cancellationToken))!;
            if (book["model_run"]?.GetValue<string>() != run.RunId.Value)
            {
                continue;
            }

            traded++;
            if (book["kill_switch"]?["tripped"]?.GetValue<bool>() == true)
            {
                trip ??= $"{days[i]:yyyy-MM-dd}: {book["kill_switch"]!["reason"]}";
                continue;
            }

            if (trip is null)
            {
                clean++;
            }
        }

        string evidence = days.Count > 0 ? store.BookPath(days[^1]).Value : LakePathResolver.GoldDataset(store.Meta, store.Pipeline, store.Version, LakeIdentifier.Parse(PaperStore.BookDataset)).Value;
        return traded == 0
            ? new("paper_burn_in", GateStatus.Missing, evidence, $"no paper day traded the run's targets (need {options.BurnInDays})")
            : new("paper_burn_in", clean >= options.BurnInDays ? GateStatus.Pass : GateStatus.Fail, evidence,
                $"{clean} consecutive day(s) without a tripped limit up to the latest (need {options.BurnInDays}); {traded} traded" + (trip is null ? string.Empty : $"; last trip {trip}"));
    }

    private static async Task<GateResult> CoverageAsync(ILakeStore lake, List<JsonObject> selections, Func<string, CancellationToken, Task<RunRecord?>> findRun, CancellationToken cancellationToken)
    {
        string? dataRunId = selections.Select(s => s["source"]?["run_id"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
        RunRecord? dataRun = dataRunId is null ? null : await findRun(dataRunId, cancellationToken);
        if (dataRun is null)
        {
            return new("coverage_evidence", GateStatus.Missing, "_meta/{scope}/runs/{data run}/coverage_{node}.json", "the data run behind the selection is not found");
        }

        LakePath folder = LakePathResolver.RunFolder(dataRun.Scope, dataRun.RunId);
        string ledger = await lake.TryReadAsync(LakePathResolver.AuditLedger(dataRun.Scope, dataRun.RunId), cancellationToken) is { } l ? System.Text.Encoding.UTF8.GetString(l.Content.Span) : string.Empty;
        var problems = new List<string>();
        int artifacts = 0;
        await foreach (LakeObjectInfo info in lake.ListAsync(folder, cancellationToken))
        {
            if (!info.Path.Name.StartsWith("coverage_", StringComparison.Ordinal) || !info.Path.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            artifacts++;
            JsonObject? coverage = await ReadJsonAsync(lake, info.Path, cancellationToken);
            if (!ledger.Contains(info.Path.Value, StringComparison.Ordinal))
            {
                problems.Add($"{info.Path.Name} not referenced in the data run's ledger");
            }

            if (coverage?["run_id"] is null || coverage["profile"] is null || coverage["attempts"] is not JsonArray { Count: > 0 } || coverage["failed_symbols"] is not JsonArray failed)
            {
                problems.Add($"{info.Path.Name} lacks run_id, profile, attempts or failed_symbols");
            }
            else if (failed.Count > 0)
            {
                problems.Add($"{info.Path.Name}: {failed.Count} failed symbol(s), coverage below 100 %");
            }
        }

        return artifacts == 0
            ? new("coverage_evidence", GateStatus.Missing, folder.Value, $"data run '{dataRun.RunId}' has no coverage artifact (coverage_{{node}}.json)")
            : new("coverage_evidence", problems.Count == 0 ? GateStatus.Pass : GateStatus.Fail, folder.Value,
                problems.Count == 0 ? $"{artifacts} coverage artifact(s) linked in the ledger, 100 % coverage" : string.Join("; ", problems));
    }

    private static async Task<JsonObject?> ReadJsonAsync(ILakeStore lake, LakePath path, CancellationToken cancellationToken) =>
        await lake.TryReadAsync(path, cancellationToken) is { } obj ? JsonNode.Parse(obj.Content.Span) as JsonObject : null;
}
