using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A Queue Storage REST client for one queue (SharedKey, API version 2021-08-06): create, put, get with a
/// visibility timeout, update (extend visibility, replace content) and delete by pop receipt, peek, count.
/// Message text is base64-encoded by default, as Azure Functions queue triggers expect.
/// </summary>
/// <remarks>
/// A received message is invisible for its visibility timeout; a worker that does not delete it in time lets
/// another worker receive it again (at-least-once), with a higher DequeueCount. Each update returns a new
/// pop receipt and invalidates the old one. References: learn.microsoft.com/rest/api/storageservices/
/// put-message, get-messages, update-message, delete-message2.
/// </remarks>
public sealed class StorageQueueClient
{
    /// <summary>Largest message body the service accepts (64 KiB, after encoding).</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly StorageHttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly QueueMessageEncoding _encoding;
    private readonly ILogger<StorageQueueClient>? _logger;

    /// <summary>Creates the client.</summary>
    /// <exception cref="ArgumentException">The queue name is not 3–63 lowercase letters, digits and single dashes.</exception>
    public StorageQueueClient(
        StorageConnectionString connection, string queueName, HttpClient http, AzureStorageOptions? options = null,
        QueueMessageEncoding encoding = QueueMessageEncoding.Base64, TimeProvider? timeProvider = null, ILogger<StorageQueueClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(http);
        StorageNames.Validate(queueName, "queue");
        Name = queueName;
        Connection = connection;
        Http = http;
        Options = (options ?? new AzureStorageOptions()).Validate();
        TimeProvider = timeProvider ?? TimeProvider.System;
        _encoding = encoding;
        _logger = logger;
        _endpoint = connection.QueueEndpoint;
        _pipeline = new StorageHttpPipeline(connection, http, Options, TimeProvider, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>The queue name.</summary>
    public string Name { get; }

    /// <summary>The validated options.</summary>
    public AzureStorageOptions Options { get; }

    internal StorageConnectionString Connection { get; }

    internal HttpClient Http { get; }

    internal TimeProvider TimeProvider { get; }

    /// <summary>A client for another queue of the same account with the same settings (e.g. the poison queue).</summary>
    public StorageQueueClient ForQueue(string queueName) => new(Connection, queueName, Http, Options, _encoding, TimeProvider, _logger);

    /// <summary>Creates the queue when missing; true when this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await SendAsync("CreateQueue", HttpMethod.Put, QueueUri(string.Empty), null, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "CreateQueue", cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>Deletes the queue and its messages; false when it did not exist.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await SendAsync("DeleteQueue", HttpMethod.Delete, QueueUri(string.Empty), null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureAsync(response, "DeleteQueue", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Enqueues a message.</summary>
    /// <param name="text">The message text (JSON for Functions queue triggers); at most 64 KiB once encoded.</param>
    /// <param name="visibilityDelay">Keep the message invisible this long first (0–7 days; null: visible at once).</param>
    /// <param name="timeToLive">How long it lives (null: the service default of 7 days; <see cref="Timeout.InfiniteTimeSpan"/>: never expires).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The encoded text is larger than 64 KiB.</exception>
    public async Task<QueueMessage> SendMessageAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        string raw = Encode(text);
        var query = new List<(string, string)>();
        if (visibilityDelay is { } delay)
        {
            query.Add(("visibilitytimeout", Seconds(delay)));
        }

        if (timeToLive is { } ttl)
        {
            query.Add(("messagettl", ttl == Timeout.InfiniteTimeSpan ? "-1" : Seconds(ttl)));
        }

        using HttpResponseMessage response = await SendAsync("PutMessage", HttpMethod.Post, QueueUri("/messages", [.. query]), MessageBody(raw), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "PutMessage", cancellationToken).ConfigureAwait(false);
        IReadOnlyList<QueueMessage> sent = await ParseMessagesAsync(response, cancellationToken).ConfigureAwait(false);
        return sent.Count == 1
            ? sent[0] with { Text = text, RawText = raw }
            : throw new AzureStorageException($"PutMessage on '{Name}' returned {sent.Count} messages instead of 1.");
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="maxMessages">1–32.</param>
    /// <param name="visibilityTimeout">1 s – 7 days (null: the service default of 30 s).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveMessagesAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var query = new List<(string, string)> { ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)) };
        if (visibilityTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.FromSeconds(1), nameof(visibilityTimeout));
            query.Add(("visibilitytimeout", Seconds(timeout)));
        }

        using HttpResponseMessage response = await SendAsync("GetMessages", HttpMethod.Get, QueueUri("/messages", [.. query]), null, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "GetMessages", cancellationToken).ConfigureAwait(false);
        return await ParseMessagesAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> visible messages without hiding them or counting a dequeue.</summary>
    public async Task<IReadOnlyList<QueueMessage>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        Uri uri = QueueUri("/messages", ("peekonly", "true"), ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)));
        using HttpResponseMessage response = await SendAsync("PeekMessages", HttpMethod.Get, uri, null, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "PeekMessages", cancellationToken).ConfigureAwait(false);
        return await ParseMessagesAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Hides a received message for <paramref name="visibilityTimeout"/> from now (0 makes it visible at once),
    /// optionally replacing its text. Returns the message with its new pop receipt and next-visible time.
    /// </summary>
    /// <exception cref="AzureStorageException">The pop receipt is stale (400 <c>PopReceiptMismatch</c>) or the message is gone (404).</exception>
    public async Task<QueueMessage> UpdateMessageAsync(QueueMessage message, TimeSpan visibilityTimeout, string? newText = null, CancellationToken cancellationToken = default)
    {
        string popReceipt = PopReceiptOf(message);
        string? raw = newText is null ? null : Encode(newText);
        Uri uri = QueueUri("/messages/" + Uri.EscapeDataString(message.MessageId), ("popreceipt", popReceipt), ("visibilitytimeout", Seconds(visibilityTimeout)));
        using HttpResponseMessage response = await SendAsync("UpdateMessage", HttpMethod.Put, uri, raw is null ? null : MessageBody(raw), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "UpdateMessage", cancellationToken).ConfigureAwait(false);
        string newReceipt = StorageHttpPipeline.Header(response, "x-ms-popreceipt") ?? popReceipt;
        DateTimeOffset? nextVisible = StorageHttpPipeline.ParseTime(StorageHttpPipeline.Header(response, "x-ms-time-next-visible"));
        return message with
        {
            PopReceipt = newReceipt,
            NextVisibleOn = nextVisible,
            Text = newText ?? message.Text,
            RawText = raw ?? message.RawText,
        };
    }

    /// <summary>Deletes a received message; false when it no longer exists.</summary>
    /// <exception cref="AzureStorageException">The pop receipt is stale (400 <c>PopReceiptMismatch</c>): another receiver owns the message now.</exception>
    public async Task<bool> DeleteMessageAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        string popReceipt = PopReceiptOf(message);
        Uri uri = QueueUri("/messages/" + Uri.EscapeDataString(message.MessageId), ("popreceipt", popReceipt));
        using HttpResponseMessage response = await SendAsync("DeleteMessage", HttpMethod.Delete, uri, null, cancellationToken).ConfigureAwait(false);
        if (StorageHttpPipeline.IsItemNotFound(response, "QueueNotFound"))
        {
            return false;
        }

        await EnsureAsync(response, "DeleteMessage", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The approximate number of messages in the queue (Get Queue Metadata).</summary>
    public async Task<int> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await SendAsync("GetQueueMetadata", HttpMethod.Get, QueueUri(string.Empty, ("comp", "metadata")), null, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "GetQueueMetadata", cancellationToken).ConfigureAwait(false);
        return StorageHttpPipeline.Header(response, "x-ms-approximate-messages-count") is { } count
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : throw new AzureStorageException($"GetQueueMetadata on '{Name}' returned no message count.");
    }

    private string Encode(string text)
    {
        string raw = _encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;
        int bytes = Encoding.UTF8.GetByteCount(raw);
        return bytes <= MaxMessageBytes
            ? raw
            : throw new ArgumentException($"Message for queue '{Name}' is {bytes} bytes once encoded; the limit is {MaxMessageBytes}.", nameof(text));
    }

    private string? Decode(string raw)
    {
        if (_encoding == QueueMessageEncoding.None)
        {
            return raw;
        }

        byte[] buffer = new byte[raw.Length];
        if (!Convert.TryFromBase64String(raw, buffer, out int written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<QueueMessage>> ParseMessagesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<QueueMessage>();
        foreach (XElement m in XDocument.Parse(body).Root?.Elements("QueueMessage") ?? [])
        {
            string raw = m.Element("MessageText")?.Value ?? string.Empty;
            messages.Add(new QueueMessage(
                m.Element("MessageId")?.Value ?? throw new AzureStorageException($"A message from queue '{Name}' has no MessageId."),
                m.Element("PopReceipt")?.Value,
                long.Parse(m.Element("DequeueCount")?.Value ?? "0", CultureInfo.InvariantCulture),
                StorageHttpPipeline.ParseTime(m.Element("InsertionTime")?.Value),
                StorageHttpPipeline.ParseTime(m.Element("ExpirationTime")?.Value),
                StorageHttpPipeline.ParseTime(m.Element("TimeNextVisible")?.Value),
                Decode(raw),
                raw));
        }

        return messages;
    }

    private static string PopReceiptOf(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.PopReceipt ?? throw new ArgumentException($"Message {message.MessageId} has no pop receipt (peeked, not received).", nameof(message));
    }

    private static string Seconds(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(span.Ticks, nameof(span));
        return ((long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static byte[] MessageBody(string raw) =>
        Encoding.UTF8.GetBytes(new XElement("QueueMessage", new XElement("MessageText", raw)).ToString(SaveOptions.DisableFormatting));

    private Uri QueueUri(string suffix, params ReadOnlySpan<(string Name, string Value)> query) =>
        StorageHttpPipeline.BuildUri(_endpoint, Uri.EscapeDataString(Name) + suffix, query);

    private Task<HttpResponseMessage> SendAsync(string operation, HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(operation, Name, () => new HttpRequestMessage(method, uri) { Content = body is null ? null : new ByteArrayContent(body) }, cancellationToken);

    private Task EnsureAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken) =>
        StorageHttpPipeline.EnsureSuccessAsync(response, operation, Name, cancellationToken);
}
