using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// Bad tournament input (<see cref="ErrorCodes.TournamentCellInvalid"/>): a malformed cell id, an unknown standard or
/// risk profile, a benchmark outside the universe.
/// </summary>
public sealed class TournamentException : DomainValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="subject">The cell at fault.</param>
    public TournamentException(ErrorCode code, string message, string? subject = null)
        : base(code, message) => Subject = subject;

    /// <summary>Creates a <see cref="ErrorCodes.TournamentCellInvalid"/> exception.</summary>
    public TournamentException()
        : this(ErrorCodes.TournamentCellInvalid, "invalid tournament input")
    {
    }

    /// <summary>Creates a <see cref="ErrorCodes.TournamentCellInvalid"/> exception.</summary>
    /// <param name="message">What is wrong.</param>
    public TournamentException(string message)
        : this(ErrorCodes.TournamentCellInvalid, message)
    {
    }

    /// <summary>Creates a <see cref="ErrorCodes.TournamentCellInvalid"/> exception wrapping another.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public TournamentException(string message, Exception innerException)
        : base(ErrorCodes.TournamentCellInvalid, message, innerException)
    {
    }

    /// <summary>The cell at fault, when there is one.</summary>
    public string? Subject { get; }
}
