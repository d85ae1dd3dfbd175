using System.Buffers;

namespace Omnichat.Core.Messaging;

/// <summary>
/// A request body as it arrives, in chunks rented from the shared array pool: no large array exists before the
/// signature is known to be right, and a refused body hands every chunk back when the buffer is disposed.
/// </summary>
internal sealed class PooledBodyBuffer : IDisposable
{
    /// <summary>Under the large-object threshold, so chunks the pool does not keep are ordinary short-lived garbage.</summary>
    public const int ChunkBytes = 64 * 1024;

    private readonly List<byte[]> chunks = [];
    private int usedInLast;

    public long Length { get; private set; }

    /// <summary>Free space at the end, at least one byte; a new chunk of about <paramref name="sizeHint"/> bytes when the last is full.</summary>
    public Memory<byte> GetMemory(int sizeHint)
    {
        if (chunks.Count == 0 || usedInLast == chunks[^1].Length)
        {
            chunks.Add(ArrayPool<byte>.Shared.Rent(Math.Clamp(sizeHint, 1, ChunkBytes)));
            usedInLast = 0;
        }
        return chunks[^1].AsMemory(usedInLast);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, chunks[^1].Length - usedInLast);
        usedInLast += count;
        Length += count;
    }

    /// <summary>The body as one array of its exact length, owned by the caller (the intake may keep it after the request ends).</summary>
    public byte[] ToArray()
    {
        var body = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        var at = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            var used = i == chunks.Count - 1 ? usedInLast : chunks[i].Length;
            chunks[i].AsSpan(0, used).CopyTo(body.AsSpan(at));
            at += used;
        }
        return body;
    }

    public void Dispose()
    {
        foreach (var chunk in chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        chunks.Clear();
        usedInLast = 0;
        Length = 0;
    }
}
