using QuantFunctions.Cli.Compute.Infrastructure;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>Base of the host's commands: a <see cref="CliCommand{TContext}"/> that gets the settings and the clock as well as the output.</summary>
internal abstract class CommandBase(string name, string description, CliContext context) : CliCommand<CliContext>(name, description, context);
