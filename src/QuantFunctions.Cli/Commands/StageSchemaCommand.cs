using System.CommandLine;
using System.Text.Json;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant stage schema STAGE_ID</c>: the JSON schema of the stage's parameters.</summary>
internal sealed class StageSchemaCommand : CommandBase
{
    private readonly Argument<string> _stage = new("stage-id") { Description = "A stage id from 'quant stage list'." };

    public StageSchemaCommand(CliContext context)
        : base("schema", "Print the JSON schema of a stage's parameters.", context) => Arguments.Add(_stage);

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string id = parseResult.GetValue(_stage)!;
        StageRegistry registry = new StageRegistryBuilder().AddQuantStages().Build();
        if (!registry.TryGet(id, out StageDescriptor? descriptor))
        {
            throw new UsageException($"unknown stage '{id}' (known: {string.Join(", ", registry.Stages.Select(s => s.Id))})");
        }

        Context.Console.Profile.Out.Writer.WriteLine(descriptor.GetParameterSchema().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return Task.FromResult(ExitCodes.Success);
    }
}
