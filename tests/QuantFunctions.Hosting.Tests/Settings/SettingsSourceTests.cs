using QuantFunctions.Hosting.Settings;

namespace QuantFunctions.Hosting.Tests.Settings;

/// <summary>One reading rule for every setting: trimmed, blank is unset; typed readers name the setting when they refuse.</summary>
public sealed class SettingsSourceTests
{
    private static SettingsSource Source(string name, string? value) => new(n => n == name ? value : null);

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(" x ", "x")]
    public void Get_TrimsAndTreatsBlankAsUnset(string? raw, string? expected) => Assert.Equal(expected, Source("S", raw).Get("S"));

    [Fact]
    public void GetInt_Unset_Fallback() => Assert.Equal(7, Source("S", null).GetInt("S", 7, 1, 10));

    [Fact]
    public void GetChoice_IgnoresCase_ReturnsLowercase() => Assert.Equal("blob", Source("S", "BLOB").GetChoice("S", "file", "file", "blob"));

    [Fact]
    public void GetList_SplitsTrimsAndDropsEmptyEntries() =>
        Assert.Equal(["a", "b"], Source("S", " a, ,b ,").GetList("S", "x"));

    [Fact]
    public void GetList_Unset_SplitsTheFallback() => Assert.Equal(["dataops"], Source("S", null).GetList("S", "dataops"));

    [Fact]
    public void GetPath_BadPath_RefusedNamingTheSetting()
    {
        var ex = Assert.Throws<InvalidSettingException>(() => Source("S", "a\0b").GetPath("S", "/x"));

        Assert.Equal("S", ex.Setting);
    }

    [Fact]
    public void GetHttpUri_Https_Accepted() => Assert.Equal(new Uri("https://h/x"), Source("S", "https://h/x").GetHttpUri("S"));
}
