package capslock.common.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;

/** What a channel's state says, read the same way everywhere. */
public final class Channels {
    private Channels() {
    }

    /**
     * The bytes Netty counts in {@code channel}'s outbound buffer: the payload written but not yet in the socket, plus
     * a per-write overhead (96 bytes per write on 64-bit JVMs); what it compares with the water marks. 0 once the
     * channel is closed. Safe from any thread: Netty keeps the count in a volatile field.
     */
    public static long pendingOutboundBytes(Channel channel) {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }
}
