using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Features;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant data features UNIVERSE --symbol S --as-of T [--json]</c>: the feature row of a symbol known at T.</summary>
internal sealed class DataFeaturesCommand : CommandBase
{
    private readonly Argument<string> _universe = new("universe") { Description = "The universe (e.g. crypto_spot)." };
    private readonly Option<string> _symbol = new("--symbol") { Description = "Canonical symbol (EXCHANGE:SYMBOL).", Required = true };
    private readonly Option<string> _asOf = new("--as-of") { Description = "ISO-8601 time: the latest row with known_at at or before it is printed.", Required = true };
    private readonly Option<string> _pipeline = DataOptions.Pipeline();
    private readonly Option<string> _version = DataOptions.Version();
    private readonly Option<bool> _json = CliOptions.Json();

    public DataFeaturesCommand(CliContext context)
        : base("features", "Print the point-in-time feature row of a symbol: the latest row known at the as-of time (never a later one).", context)
    {
        Arguments.Add(_universe);
        Options.Add(_symbol);
        Options.Add(_asOf);
        Options.Add(_pipeline);
        Options.Add(_version);
        Options.Add(_json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string universe = parseResult.GetValue(_universe)!, symbol = parseResult.GetValue(_symbol)!;
        DateTimeOffset asOf = CliOptions.ParseInstant(parseResult.GetValue(_asOf)!, "--as-of");
        LakePath dataset = FeaturesTable.DatasetPath(universe, parseResult.GetValue(_pipeline)!, parseResult.GetValue(_version)!);
        ILakeStore lake = await CliRuntime.OpenLakeAsync(Context, cancellationToken);
        LakeTable table = await FeaturesTable.ReadAsOfAsync(lake, dataset, asOf, [symbol], cancellationToken);
        if (table.RowCount == 0)
        {
            throw new UsageException($"no feature row of '{symbol}' known at {asOf:O} under {dataset} (unknown symbol, or nothing known yet)");
        }

        int row = table.RowCount - 1;
        DateTimeOffset ts = FeaturesTable.FromMicros(table.Timestamps("ts")[row]), knownAt = FeaturesTable.FromMicros(table.Timestamps("known_at")[row]);
        TextWriter output = Context.Console.Profile.Out.Writer;
        if (parseResult.GetValue(_json))
        {
            var features = new JsonObject();
            foreach (string name in FeatureColumns.All)
            {
                double value = table.Doubles(name)[row];
                features[name] = double.IsFinite(value) ? value : null;
            }

            var json = new JsonObject { ["symbol"] = symbol, ["ts"] = ts.ToString("O", CultureInfo.InvariantCulture), ["known_at"] = knownAt.ToString("O", CultureInfo.InvariantCulture), ["features"] = features };
            output.WriteLine(json.ToJsonString());
            return ExitCodes.Success;
        }

        output.WriteLine(FormattableString.Invariant($"{symbol} · ts {ts:yyyy-MM-dd} · known_at {knownAt:yyyy-MM-ddTHH:mm}Z · as of {asOf:yyyy-MM-ddTHH:mm}Z"));
        foreach (string name in FeatureColumns.All)
        {
            double value = table.Doubles(name)[row];
            output.WriteLine(FormattableString.Invariant($"  {name,-16} {(double.IsNaN(value) ? "NaN (warm-up)" : value.ToString("R", CultureInfo.InvariantCulture))}"));
        }

        return ExitCodes.Success;
    }
}
