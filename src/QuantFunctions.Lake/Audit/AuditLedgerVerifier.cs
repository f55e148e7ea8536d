using System.Globalization;
using System.Text;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Audit;

/// <summary>
/// Verifies an <c>audit.jsonl</c> hash chain: every line parses, <c>seq</c> equals the position,
/// <c>prev_hash</c> equals the previous entry's hash (64 zeros first) and <c>hash</c> equals SHA-256 over the
/// entry's canonical JSON without <c>hash</c>. Names the first broken entry.
/// </summary>
/// <remarks>Cutting whole entries off the end leaves a valid chain; pass the head recorded elsewhere
/// (<see cref="AuditLedgerHead"/>, e.g. from run.json) to detect it.</remarks>
public static class AuditLedgerVerifier
{
    /// <summary>Verifies ledger content (UTF-8 JSON lines, each ending in '\n').</summary>
    /// <param name="content">The ledger bytes.</param>
    /// <param name="expectedHead">The head recorded elsewhere, or null to check the chain only.</param>
    public static AuditVerificationResult Verify(ReadOnlySpan<byte> content, AuditLedgerHead? expectedHead = null) =>
        Scan(Encoding.UTF8.GetString(content), entries: null, expectedHead);

    /// <summary>Reads and verifies the ledger at <paramref name="path"/>; a missing ledger verifies as empty.</summary>
    public static async Task<AuditVerificationResult> VerifyAsync(ILakeStore store, LakePath path, AuditLedgerHead? expectedHead = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        LakeObject? ledger = await store.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        return Verify(ledger is null ? default : ledger.Content.Span, expectedHead);
    }

    /// <summary>Parses and verifies; fills <paramref name="entries"/> with the entries that verified.</summary>
    /// <param name="text">Whole lines of the ledger, from the start or from the entry after <paramref name="from"/>.</param>
    /// <param name="entries">Receives the entries that verified, or null.</param>
    /// <param name="expectedHead">The head recorded elsewhere, or null.</param>
    /// <param name="from">The verified head <paramref name="text"/> continues (null: the text is the whole ledger).</param>
    internal static AuditVerificationResult Scan(string text, List<AuditEntry>? entries, AuditLedgerHead? expectedHead, AuditLedgerHead? from = null)
    {
        long count = from?.Count ?? 0;
        string last = from?.LastHash ?? AuditLine.GenesisHash;
        int lineNumber = (int)count;
        int start = 0;
        while (start < text.Length)
        {
            lineNumber++;
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                return Fail(AuditFailureReason.MalformedLine, "the last line has no final newline (truncated write?)");
            }

            string line = text[start..end];
            start = end + 1;
            AuditEntry entry;
            try
            {
                entry = AuditLine.Parse(line);
            }
            catch (FormatException e)
            {
                return Fail(AuditFailureReason.MalformedLine, e.Message);
            }

            if (entry.Sequence != count)
            {
                return Fail(AuditFailureReason.SequenceMismatch, $"seq is {entry.Sequence}, expected {count} (a line was deleted, inserted or moved)");
            }

            if (!string.Equals(entry.PrevHash, last, StringComparison.Ordinal))
            {
                return Fail(AuditFailureReason.PrevHashMismatch, $"prev_hash {entry.PrevHash} is not the previous entry's hash {last}");
            }

            string hash = AuditLine.ComputeHash(entry);
            if (!string.Equals(hash, entry.Hash, StringComparison.Ordinal))
            {
                return Fail(AuditFailureReason.HashMismatch, $"hash {entry.Hash} does not match the content (recomputed {hash}); the entry was modified");
            }

            entries?.Add(entry);
            last = hash;
            count++;
        }

        var head = new AuditLedgerHead(count, last);
        if (expectedHead is not null && head != expectedHead)
        {
            return new AuditVerificationResult(count, head, AuditFailureReason.HeadMismatch, count, lineNumber + 1,
                string.Create(CultureInfo.InvariantCulture, $"the ledger has {count} entries ending in {last}, but the recorded head is {expectedHead.Count} entries ending in {expectedHead.LastHash} (entries cut off the end?)"));
        }

        return new AuditVerificationResult(count, head, null, null, null, string.Empty);

        AuditVerificationResult Fail(AuditFailureReason reason, string why) =>
            new(count, new AuditLedgerHead(count, last), reason, count, lineNumber,
                string.Create(CultureInfo.InvariantCulture, $"entry seq {count} (line {lineNumber}): {reason}: {why}."));
    }
}
