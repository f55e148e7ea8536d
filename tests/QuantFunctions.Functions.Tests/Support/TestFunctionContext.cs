using Microsoft.Azure.Functions.Worker;

namespace QuantFunctions.Functions.Tests.Support;

/// <summary>A minimal <see cref="FunctionContext"/> for calling functions directly (the HTTP functions need one for Durable's payload builder).</summary>
internal sealed class TestFunctionContext(IServiceProvider services, CancellationToken cancellationToken = default) : FunctionContext
{
    public override string InvocationId { get; } = "test-invocation";

    public override string FunctionId { get; } = "test-function";

    public override TraceContext TraceContext => null!;

    public override BindingContext BindingContext => null!;

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => null!;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => null!;

    public override CancellationToken CancellationToken { get; } = cancellationToken;
}
