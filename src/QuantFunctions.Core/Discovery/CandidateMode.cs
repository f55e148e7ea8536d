namespace QuantFunctions.Core.Discovery;

/// <summary>How <see cref="CandidateNormalizer"/> treats an invalid record.</summary>
public enum CandidateMode
{
    /// <summary>Raise <see cref="CandidateContractException"/> on the first invalid record.</summary>
    Strict = 0,

    /// <summary>Drop invalid records, counting each with its reason.</summary>
    Lenient = 1,
}
