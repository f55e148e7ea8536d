using Microsoft.Extensions.Configuration;
using QuantFunctions.Host.Configuration;

namespace QuantFunctions.Host.Tests.Configuration;

public sealed class HostSettingsBinderTests
{
    private static HostSettings Bind(Dictionary<string, string?> values)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var settings = new HostSettings();
        HostSettingsBinder.Bind(configuration, settings);
        return settings;
    }

    [Fact]
    public void Bind_UnderTheFunctionsHost_FindsManifestsBesideHostJson()
    {
        HostSettings s = Bind(new() { ["FUNCTIONS_APP_ROOT_PATH"] = "/home/site/wwwroot", ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "40001" });
        Assert.Equal("/home/site/wwwroot/manifests", s.ManifestsRoot);
        Assert.Equal("40001", s.CustomHandlerPort);
    }

    [Fact]
    public void Bind_StorageConnection_FallsBackToAzureWebJobsStorage()
    {
        HostSettings s = Bind(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["QF_LAKE"] = "blob" });
        Assert.Equal("UseDevelopmentStorage=true", s.StorageConnection);
        Assert.Equal("blob", s.Lake);
        Assert.Equal("UseDevelopmentStorage=false", Bind(new() { ["AzureWebJobsStorage"] = "x", ["QF_STORAGE_CONNECTION"] = "UseDevelopmentStorage=false" }).StorageConnection);
    }

    [Fact]
    public void Bind_NonNumericParallelism_FailsValidation()
    {
        HostSettings s = Bind(new() { ["QF_MAX_PARALLELISM"] = "many" });
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(s, new(s), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(HostSettings.MaxParallelism)));
    }
}
