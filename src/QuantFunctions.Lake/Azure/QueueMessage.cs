namespace QuantFunctions.Lake.Azure;

/// <summary>A message as returned by Put Message, Get Messages or Peek Messages.</summary>
/// <param name="MessageId">The service's message id.</param>
/// <param name="PopReceipt">Needed to update or delete the message; null for peeked messages.</param>
/// <param name="DequeueCount">How many times the message has been dequeued (1 on the first Get).</param>
/// <param name="InsertedOn">When the message was enqueued.</param>
/// <param name="ExpiresOn">When the message expires (its time-to-live).</param>
/// <param name="NextVisibleOn">When the message becomes visible again; null for peeked messages.</param>
/// <param name="Text">The decoded text; null when the body is not valid for the client's encoding (e.g. not base64 UTF-8).</param>
/// <param name="RawText">The body exactly as stored in the queue.</param>
public sealed record QueueMessage(
    string MessageId,
    string? PopReceipt,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset? NextVisibleOn,
    string? Text,
    string RawText);
