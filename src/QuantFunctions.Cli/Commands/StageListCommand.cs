using System.CommandLine;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant stage list [--json]</c>.</summary>
internal sealed class StageListCommand : CommandBase
{
    private readonly Option<bool> _json = CliOptions.Json();

    public StageListCommand(CliContext context)
        : base("list", "List the registered stages.", context) => Options.Add(_json);

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        StageRegistry registry = new StageRegistryBuilder().AddQuantStages().Build();
        if (parseResult.GetValue(_json))
        {
            var array = new JsonArray();
            foreach (StageDescriptor d in registry.Stages)
            {
                array.Add(new JsonObject { ["id"] = d.Id, ["kind"] = d.Kind.ToString().ToLowerInvariant(), ["description"] = d.Description });
            }

            Context.Console.Profile.Out.Writer.WriteLine(array.ToJsonString());
            return Task.FromResult(ExitCodes.Success);
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("stage").AddColumn("kind").AddColumn("description");
        foreach (StageDescriptor d in registry.Stages)
        {
            table.AddRow(Markup.Escape(d.Id), d.Kind.ToString().ToLowerInvariant(), Markup.Escape(d.Description));
        }

        Context.Console.Write(table);
        return Task.FromResult(ExitCodes.Success);
    }
}
