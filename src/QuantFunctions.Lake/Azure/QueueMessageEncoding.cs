namespace QuantFunctions.Lake.Azure;

/// <summary>How message text is stored in the queue.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Base64 of the UTF-8 text: what Azure Functions queue triggers expect by default (<c>messageEncoding: base64</c>).</summary>
    Base64 = 0,

    /// <summary>The text as is (XML-escaped); for consumers configured with <c>messageEncoding: none</c>.</summary>
    None = 1,
}
