using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>The hashes a run records: parameters and node input fingerprints (SHA-256, lowercase hex).</summary>
public static class Hashes
{
    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// A node's input fingerprint: SHA-256 over <c>qf.node_input.v1</c>, <c>params\t{paramsHash}</c> and one
    /// <c>input\t{name}\t{fingerprint hash}</c> line per input sorted by name (ordinal), each line
    /// <c>\n</c>-terminated. Equal fingerprints mean the node would read the same data with the same parameters.
    /// </summary>
    public static string NodeInputFingerprint(IReadOnlyList<InputFingerprint> inputs, string paramsHash)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var lines = new StringBuilder("qf.node_input.v1\nparams\t").Append(paramsHash).Append('\n');
        foreach (InputFingerprint input in inputs.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            lines.Append("input\t").Append(input.Name).Append('\t').Append(input.Fingerprint.Hash).Append('\n');
        }

        return Sha256(lines.ToString());
    }
}
