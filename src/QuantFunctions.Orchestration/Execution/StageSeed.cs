using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>Derives a stage's random seed from the run seed and the node key.</summary>
public static class StageSeed
{
    /// <summary>
    /// The first 4 bytes (little-endian, sign bit cleared) of SHA-256 over the UTF-8 text
    /// <c>{runSeed}:{nodeKey}</c>: stable across processes and platforms, different per node.
    /// </summary>
    public static int Derive(int runSeed, string nodeKey)
    {
        ArgumentNullException.ThrowIfNull(nodeKey);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(runSeed.ToString(CultureInfo.InvariantCulture) + ":" + nodeKey));
        return BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue;
    }
}
