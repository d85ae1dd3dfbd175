using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Takes one webhook POST from Meta (§6): checks the <c>X-Hub-Signature-256</c> over the raw bytes while they stream
/// in, and hands a signed JSON body to the <see cref="WebhookIntake"/>, which answers once it is committed and on disk.
/// Memory is spent only on a body that may be Meta's: without a well-formed header nothing is read, every byte read
/// counts against <see cref="WebhookBodyBudget"/>, and a refused body's buffers go back to the pool at once.
/// </summary>
public sealed class WebhookReceiver(
    WebhookIntake intake,
    WebhookBodyBudget budget,
    IntakeRefusalWindow refusals,
    IOptions<FacebookOptions> facebook,
    ILogger<WebhookReceiver> logger)
{
    /// <summary>Far above any Messenger batch; a body this large is not Meta's.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public async Task<WebhookReceipt> ReceiveAsync(Stream body, long? contentLength, string? signature, CancellationToken cancellationToken)
    {
        if (contentLength > MaxBodyBytes)
        {
            return WebhookReceipt.TooLarge;
        }
        var appSecret = facebook.Value.AppSecret;
        var digest = new byte[WebhookSignature.DigestBytes];
        if (string.IsNullOrEmpty(appSecret) || !WebhookSignature.TryReadHeader(signature, digest))
        {
            logger.LogWarning("Rejected a webhook POST of {Length} bytes without a well-formed signature, before reading it", contentLength);
            return WebhookReceipt.SignatureMissing;
        }
        // A declared length is reserved whole before the first byte, so a burst is refused up front, not half-read.
        long reserved = contentLength ?? 0;
        long handedOver = 0;
        if (!TryReserve(reserved))
        {
            return WebhookReceipt.Busy;
        }
        try
        {
            byte[] bytes;
            using (var buffer = new PooledBodyBuffer())
            using (var hmac = WebhookSignature.CreateHmac(appSecret))
            {
                while (true)
                {
                    var hint = contentLength is { } declared ? (int)Math.Min(declared - buffer.Length, PooledBodyBuffer.ChunkBytes) : PooledBodyBuffer.ChunkBytes;
                    var free = buffer.GetMemory(hint);
                    var read = await body.ReadAsync(free, cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }
                    var length = buffer.Length + read;
                    if (length > MaxBodyBytes)
                    {
                        return WebhookReceipt.TooLarge;
                    }
                    if (length > reserved)
                    {
                        // No declared length: reserve a chunk ahead rather than touch the shared counter on every read.
                        var more = Math.Max(length - reserved, PooledBodyBuffer.ChunkBytes);
                        if (!TryReserve(more))
                        {
                            return WebhookReceipt.Busy;
                        }
                        reserved += more;
                    }
                    hmac.AppendData(free.Span[..read]);
                    buffer.Advance(read);
                }
                // The raw bytes, before any parsing: Meta signs its escaped text, which re-serialising would change.
                if (!WebhookSignature.Matches(hmac, digest))
                {
                    logger.LogWarning("Rejected a webhook POST of {Length} bytes with a wrong signature", buffer.Length);
                    return WebhookReceipt.SignatureWrong;
                }
                bytes = buffer.ToArray();
            }
            if (!IsJsonObject(bytes))
            {
                return WebhookReceipt.NotJson;
            }
            // From here the intake owns these bytes of the reservation and releases them when it lets go of the body.
            handedOver = bytes.Length;
            return await StoreAsync(bytes, cancellationToken);
        }
        finally
        {
            budget.Release(reserved - handedOver);
        }
    }

    private async Task<WebhookReceipt> StoreAsync(byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            await intake.StoreAsync(body, cancellationToken);
            refusals.Stored();
            return WebhookReceipt.Stored;
        }
        catch (TimeoutException)
        {
            refusals.Refused();
            logger.LogError("A signed webhook of {Length} bytes could not be stored within the store timeout; answering 503 so Meta retries", body.Length);
            return WebhookReceipt.NotStoredInTime;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not stored, so not acknowledged: Meta sends it again.
            refusals.Refused();
            logger.LogError(ex, "A signed webhook could not be stored; answering 503 so Meta retries");
            return WebhookReceipt.NotStored;
        }
    }

    private bool TryReserve(long bytes)
    {
        if (budget.TryReserve(bytes))
        {
            return true;
        }
        refusals.Refused();
        logger.LogWarning("Refused a webhook POST: {InFlight} bytes of webhook bodies are in memory and {Wanted} more would pass Webhooks:MaxBodyBytesInFlight; answering 503 so Meta retries",
            budget.InFlight, bytes);
        return false;
    }

    private static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
