using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Http;

namespace QuantFunctions.Functions.Tests.Http;

/// <summary>Terminate reasons are bounded and cannot forge log lines.</summary>
public sealed class TerminateReasonTests
{
    [Theory]
    [InlineData(null, TerminateReason.Default)]
    [InlineData("  \n\t ", TerminateReason.Default)]
    [InlineData("maintenance window", "maintenance window")]
    [InlineData("line one\nINFO forged line\r\n", "line one INFO forged line")]
    [InlineData("bell\u0007 nul\u0000 esc\u001b[31m", "bell nul esc [31m")]
    [InlineData("bidi \u202Eevil\u2028sep\u2029para\u200B", "bidi evil sep para")]
    [InlineData("  leading   and   trailing  ", "leading and trailing")]
    [InlineData("état — ünïcode ✓ 🚀", "état — ünïcode ✓ 🚀")]
    public void Clean_RemovesControlFormatAndLineSeparators(string? raw, string expected)
    {
        ApiResult<string> cleaned = TerminateReason.Clean(raw);

        Assert.True(cleaned.IsOk);
        Assert.Equal(expected, cleaned.Value);
    }

    [Fact]
    public void Clean_AtTheLimit_Accepted_OverIt_BadReason()
    {
        Assert.True(TerminateReason.Clean(new string('a', TerminateReason.MaxLength)).IsOk);

        ApiResult<string> tooLong = TerminateReason.Clean(new string('a', TerminateReason.MaxLength + 1));

        Assert.Equal((400, ErrorCodes.BadReason), (tooLong.Problem!.Status, tooLong.Problem.Code));
    }
}
