namespace QuantFunctions.Lake.Storage;

/// <summary>
/// Hands a store's staging stream to a producer that may dispose it (as many writers do by default) without
/// closing it: the store still flushes, syncs and commits after the producer returns.
/// </summary>
internal sealed class NonClosingStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The staging stream is write-only.");

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => inner.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(buffer, cancellationToken);

    public override void WriteByte(byte value) => inner.WriteByte(value);

    protected override void Dispose(bool disposing)
    {
        // Deliberately leaves the inner stream open: the store owns it.
        if (disposing)
        {
            inner.Flush();
        }

        base.Dispose(disposing);
    }
}
