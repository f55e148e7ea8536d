using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using QuantFunctions.Functions.Api;

namespace QuantFunctions.Functions.Tests.Metadata;

/// <summary>
/// Every HTTP route of the app with its methods and authorization level, read from the <c>[Function]</c> methods'
/// <c>[HttpTrigger]</c> attributes: a route that starts, stops or changes a run (any method but GET) must not be anonymous,
/// and a new route fails this test until it is added to the table below.
/// </summary>
public sealed class RouteAuthorizationTests
{
    private static readonly string[] Reading = ["get", "head", "options"];

    public static IEnumerable<(string Function, string Route, string Methods, AuthorizationLevel Level)> Routes() =>
        from type in typeof(CatalogApi).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<HttpTriggerAttribute>()
        where trigger is not null
        orderby function.Name
        select (function.Name, trigger.Route ?? function.Name, string.Join(",", (trigger.Methods ?? ["any"]).Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal)), trigger.AuthLevel);

    [Fact]
    public void EveryRoute_HasTheExpectedMethodsAndAuthorizationLevel()
    {
        Assert.Equal(
        [
            ("GetRun", "runs/{id}", "get", AuthorizationLevel.Function),
            ("Health", "health", "get", AuthorizationLevel.Anonymous),
            ("ListPipelines", "pipelines", "get", AuthorizationLevel.Function),
            ("ListStages", "stages", "get", AuthorizationLevel.Function),
            ("RestartRun", "runs/{id}/restart", "post", AuthorizationLevel.Function),
            ("StartPipeline", "orchestrators/{pipeline}", "post", AuthorizationLevel.Function),
            ("TerminateRun", "runs/{id}/terminate", "post", AuthorizationLevel.Function),
        ],
        Routes());
    }

    [Fact]
    public void RoutesThatStartStopOrChangeARun_AreNeverAnonymous()
    {
        var changing = Routes().Where(r => r.Methods.Split(',').Any(m => !Reading.Contains(m))).ToList();

        Assert.NotEmpty(changing);
        Assert.All(changing, r => Assert.True(r.Level != AuthorizationLevel.Anonymous, $"{r.Function} ({r.Methods} {r.Route}) is anonymous"));
        Assert.All(Routes().Where(r => r.Level == AuthorizationLevel.Anonymous), r => Assert.Equal("health", r.Route));
    }
}
