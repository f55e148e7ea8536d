namespace QuantFunctions.Lake.Datasets;

/// <summary>
/// What a pruned read of the lake did: files opened, row groups decoded and row groups skipped because their footer
/// statistics proved no row can match the predicate. Thread-safe counters; one instance may span several reads.
/// </summary>
public sealed class LakeReadStats
{
    private int _files;
    private int _rowGroupsRead;
    private int _rowGroupsSkipped;

    /// <summary>Parquet files opened.</summary>
    public int Files => Volatile.Read(ref _files);

    /// <summary>Row groups decoded.</summary>
    public int RowGroupsRead => Volatile.Read(ref _rowGroupsRead);

    /// <summary>Row groups skipped by statistics (never decompressed).</summary>
    public int RowGroupsSkipped => Volatile.Read(ref _rowGroupsSkipped);

    internal void AddFile() => Interlocked.Increment(ref _files);

    internal void AddRead() => Interlocked.Increment(ref _rowGroupsRead);

    internal void AddSkipped() => Interlocked.Increment(ref _rowGroupsSkipped);

    /// <inheritdoc />
    public override string ToString() => $"{Files} files, {RowGroupsRead} row groups read, {RowGroupsSkipped} skipped";
}
