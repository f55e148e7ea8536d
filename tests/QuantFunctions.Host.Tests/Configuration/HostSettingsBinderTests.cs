using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Tests.Endpoints;

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

    [Fact]
    public void Bind_NoRunner_IsLocal()
    {
        HostSettings s = Bind([]);
        Assert.Equal(HostSettings.LocalRunner, s.Runner);
        Assert.False(s.UsesQueue);
    }

    [Theory]
    [InlineData("file", "UseDevelopmentStorage=true", "QF_LAKE=blob (got 'file')")]
    [InlineData("blob", null, "AzureWebJobsStorage, not set")]
    public void Validate_QueueRunnerWithoutBlobLakeOrConnection_NamesTheSettings(string lake, string? connection, string fragment)
    {
        HostSettings s = Bind(new() { ["QF_RUNNER"] = "queue", ["QF_LAKE"] = lake, ["QF_STORAGE_CONNECTION"] = connection });
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(s, new(s), errors, validateAllProperties: true));
        string message = Assert.Single(errors).ErrorMessage!;
        Assert.StartsWith("QF_RUNNER=queue needs QF_LAKE=blob", message, StringComparison.Ordinal);
        Assert.Contains(fragment, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownRunner_NamesQfRunner()
    {
        HostSettings s = Bind(new() { ["QF_RUNNER"] = "cluster" });
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(s, new(s), errors, validateAllProperties: true));
        Assert.Equal("QF_RUNNER must be 'local' or 'queue'.", Assert.Single(errors).ErrorMessage);
    }

    [Fact]
    public void Startup_QueueRunnerOnAFileLake_FailsNamingQfRunnerAndQfLake()
    {
        using var host = new HostFactory();
        using WebApplicationFactory<Program> factory = host.WithWebHostBuilder(b =>
        {
            b.UseSetting("QF_RUNNER", "queue");
            b.UseSetting("QF_LAKE", "file");
            b.UseSetting("QF_STORAGE_CONNECTION", "UseDevelopmentStorage=true");
        });

        var ex = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => factory.CreateClient());

        Assert.Contains("QF_RUNNER=queue", ex.Message, StringComparison.Ordinal);
        Assert.Contains("QF_LAKE=blob (got 'file')", ex.Message, StringComparison.Ordinal);
    }
}
