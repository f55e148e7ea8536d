using Azure.Core;
using Azure.Core.Pipeline;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>
/// Loses the answer of the first <see cref="Remaining"/> conditional writes (a PUT with content carrying If-Match,
/// If-None-Match or an append-position condition: Put Blob, Put Block List, Append Block): the request reaches the storage and is applied, then its answer is replaced by an
/// <see cref="IOException"/>, as when a connection drops after the server answered. The client's retry policy retries it.
/// Add per retry, so each attempt passes through it.
/// </summary>
internal sealed class LoseAnswerPolicy : HttpPipelinePolicy
{
    private int _remaining;

    public LoseAnswerPolicy(int count = 1) => _remaining = count;

    public int Remaining => Volatile.Read(ref _remaining);

    /// <summary>Loses the answers of the next <paramref name="count"/> conditional writes.</summary>
    public void Arm(int count) => Volatile.Write(ref _remaining, count);

    /// <summary>Answers lost so far, by request (method, path, status of the lost answer).</summary>
    public List<string> Lost { get; } = [];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        LoseIfConditional(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        LoseIfConditional(message);
    }

    private void LoseIfConditional(HttpMessage message)
    {
        Request request = message.Request;
        bool conditional = request.Method == RequestMethod.Put && request.Content is not null
            && (request.Headers.Contains("If-Match") || request.Headers.Contains("If-None-Match") || request.Headers.Contains("x-ms-blob-condition-appendpos"));
        if (conditional && Interlocked.Decrement(ref _remaining) >= 0)
        {
            lock (Lost)
            {
                Lost.Add($"{request.Method} {request.Uri.Path} → {message.Response.Status}");
            }

            throw new IOException("injected: the connection dropped after the storage answered");
        }
    }
}
