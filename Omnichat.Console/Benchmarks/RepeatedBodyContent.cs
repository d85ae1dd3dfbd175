using System.Net;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// A JSON object of the given length (braces around spaces) written from one shared block, so a hundred 4 MB requests
/// cost the sender 64 KB, not 400 MB, and the memory measured is the console's.
/// </summary>
internal sealed class RepeatedBodyContent : HttpContent
{
    private static readonly byte[] Spaces = CreateSpaces();
    private readonly long bodyLength;

    public RepeatedBodyContent(long length)
    {
        bodyLength = Math.Max(2, length);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync("{"u8.ToArray(), cancellationToken);
        for (var left = bodyLength - 2; left > 0; left -= Spaces.Length)
        {
            await stream.WriteAsync(Spaces.AsMemory(0, (int)Math.Min(left, Spaces.Length)), cancellationToken);
        }
        await stream.WriteAsync("}"u8.ToArray(), cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bodyLength;
        return true;
    }

    private static byte[] CreateSpaces()
    {
        var block = new byte[64 * 1024];
        block.AsSpan().Fill((byte)' ');
        return block;
    }
}
