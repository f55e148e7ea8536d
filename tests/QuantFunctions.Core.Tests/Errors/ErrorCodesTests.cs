using System.Text.Json;
using System.Text.RegularExpressions;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Errors;

public sealed partial class ErrorCodesTests
{
    [Fact]
    public void All_Values_AreUniqueLowercaseDottedOrSnakeCase()
    {
        Assert.NotEmpty(ErrorCodes.All);
        Assert.Equal(ErrorCodes.All.Count, ErrorCodes.All.Select(c => c.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ErrorCodes.All, c => Assert.Matches(CodeFormat(), c.Value));
    }

    [Fact]
    public void Find_RegisteredValue_ReturnsTheCode()
    {
        Assert.Same(ErrorCodes.NonFiniteValue, ErrorCodes.Find("numeric.non_finite"));
        Assert.Null(ErrorCodes.Find("no.such_code"));
    }

    [Theory]
    [InlineData(ErrorCategory.InvalidInput, 2, 400)]
    [InlineData(ErrorCategory.NotFound, 2, 404)]
    [InlineData(ErrorCategory.Conflict, 2, 409)]
    [InlineData(ErrorCategory.Gone, 2, 410)]
    [InlineData(ErrorCategory.AccessDenied, 2, 403)]
    [InlineData(ErrorCategory.DataQuality, 1, 422)]
    [InlineData(ErrorCategory.Unavailable, 1, 503)]
    [InlineData(ErrorCategory.Internal, 1, 500)]
    public void Category_GivesExitCodeAndHttpStatus(ErrorCategory category, int exitCode, int httpStatus)
    {
        ErrorCode code = ErrorCodes.All.First(c => c.Category == category);

        Assert.Equal((exitCode, httpStatus), (code.ExitCode, code.HttpStatus));
    }

    [Fact]
    public void Of_ExceptionsWithAndWithoutCodes_ClassifiesThem()
    {
        Assert.Equal(ErrorCodes.UnknownCalendar, ErrorCodes.Of(new DomainValidationException(ErrorCodes.UnknownCalendar, "x")));
        Assert.Equal(ErrorCodes.FileNotFound, ErrorCodes.Of(new FileNotFoundException("x")));
        Assert.Equal(ErrorCodes.FileNotFound, ErrorCodes.Of(new DirectoryNotFoundException("x")));
        Assert.Equal(ErrorCodes.InvalidArgument, ErrorCodes.Of(new ArgumentOutOfRangeException("x")));
        Assert.Equal(ErrorCodes.KeyNotFound, ErrorCodes.Of(new KeyNotFoundException("x")));
        Assert.Equal(ErrorCodes.InvalidFormat, ErrorCodes.Of(new FormatException("x")));
        Assert.Equal(ErrorCodes.InvalidFormat, ErrorCodes.Of(new JsonException("x")));
        Assert.Null(ErrorCodes.Of(new InvalidOperationException("a fault")));
        Assert.Null(ErrorCodes.Of(new TimeoutException("a transient fault")));
    }

    [Fact]
    public void ErrorsDoc_ListsExactlyTheRegistryWithItsExitCodesAndStatuses()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "errors.md"));
        var documented = new Dictionary<string, (int Exit, int Http)>(StringComparer.Ordinal);
        foreach (Match row in DocRow().Matches(doc))
        {
            Assert.True(documented.TryAdd(row.Groups["code"].Value, (int.Parse(row.Groups["exit"].Value), int.Parse(row.Groups["http"].Value))), $"'{row.Groups["code"].Value}' is listed twice");
        }

        Assert.Equal(ErrorCodes.All.Select(c => c.Value).Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(ErrorCodes.All, c => Assert.Equal((c.ExitCode, c.HttpStatus), documented[c.Value]));
    }

    [GeneratedRegex("^[a-z]+(?:[._][a-z]+)*$")]
    private static partial Regex CodeFormat();

    // | `code` | meaning | exit | HTTP | what to do |
    [GeneratedRegex(@"^\| `(?<code>[a-z._]+)` \| [^\n]*? \| (?<exit>[12]) \| (?<http>\d{3}) \| [^\n]*\|$", RegexOptions.Multiline)]
    private static partial Regex DocRow();
}
