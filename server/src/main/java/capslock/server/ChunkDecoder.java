package capslock.server;

import capslock.common.text.TextCharset;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Slices the byte stream into chunks of at most {@code chunkSize} bytes, as the book's server reads
 * 1,024 at a time. Chunks are retained slices of what was read: no byte is copied. In UTF-8 mode a
 * chunk never ends inside a character; the unfinished tail waits for the next read.
 */
public final class ChunkDecoder extends ByteToMessageDecoder {
    private final int chunkSize;
    private final TextCharset charset;

    public ChunkDecoder(int chunkSize, TextCharset charset) {
        this.chunkSize = chunkSize;
        this.charset = charset;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            int end = charset.safeEnd(in, start, start + Math.min(chunkSize, in.readableBytes()));
            if (end == start) {
                return; // only the start of a character is here; the rest is still on its way
            }
            out.add(in.readRetainedSlice(end - start));
        }
    }

    /** At end of input whatever is left goes out as it is: an unfinished character is not text. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        while (in.isReadable()) {
            out.add(in.readRetainedSlice(Math.min(chunkSize, in.readableBytes())));
        }
    }
}
