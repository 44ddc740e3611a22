package capslock.common.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;

/**
 * Server-Sent Events to any number of subscribers (browser tabs): each {@link #subscribe subscriber} keeps its HTTP
 * response open, and every {@link #publish} writes one event to all of them. A subscriber whose channel is not
 * writable (a tab that does not keep up) misses what is published meanwhile ({@code lossy}) instead of making it queue
 * without bound: the events are snapshots, and the next one replaces what it missed; {@code reliable} events (the
 * start and end of a run) are always written. A closed tab simply leaves the group.
 */
public final class EventStream {
    private final ChannelGroup subscribers = new DefaultChannelGroup("capslock-events", GlobalEventExecutor.INSTANCE);

    /** Starts the event stream on {@code channel}, answering its request, and sends it {@code first} (may be null). */
    public void subscribe(Channel channel, String firstEvent, String firstData) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        HttpUtil.setTransferEncodingChunked(response, true);
        channel.write(response);
        if (firstEvent != null) {
            channel.write(chunk(firstEvent, firstData));
        }
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        subscribers.add(channel);
    }

    /** Writes the event to every subscriber that keeps up; one that does not misses it. */
    public void publishLossy(String event, String data) {
        publish(event, data, false);
    }

    /** Writes the event to every subscriber, even one that lags. */
    public void publishReliably(String event, String data) {
        publish(event, data, true);
    }

    private void publish(String event, String data, boolean reliable) {
        byte[] bytes = frame(event, data);
        for (Channel channel : subscribers) {
            if (reliable || channel.isWritable()) {
                channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)))
                        .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            }
        }
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** Ends every stream (the server is stopping). */
    public void close() {
        subscribers.close().awaitUninterruptibly(2000);
    }

    private static DefaultHttpContent chunk(String event, String data) {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(frame(event, data)));
    }

    /** {@code event: NAME\ndata: DATA\n\n}; {@code data} must be one line (JSON is). */
    static byte[] frame(String event, String data) {
        return ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

}
