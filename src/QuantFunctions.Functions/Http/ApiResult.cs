using System.Diagnostics.CodeAnalysis;

namespace QuantFunctions.Functions.Http;

/// <summary>A value, or the <see cref="ApiProblem"/> that prevented it (expected outcomes of user input are values, not exceptions).</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed record ApiResult<T>
{
    private ApiResult(T? value, ApiProblem? problem)
    {
        Value = value;
        Problem = problem;
    }

    /// <summary>The value when there is no problem.</summary>
    public T? Value { get; }

    /// <summary>The problem, or null.</summary>
    public ApiProblem? Problem { get; }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsOk => Problem is null;

    /// <summary>A value.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory of the result type.")]
    public static ApiResult<T> Ok(T value) => new(value, null);

    /// <summary>A problem.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Factory of the result type.")]
    public static ApiResult<T> Fail(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(default, problem);
    }

    /// <summary>A problem converts to a failed result.</summary>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Fail is the named alternate.")]
    public static implicit operator ApiResult<T>(ApiProblem problem) => Fail(problem);
}
