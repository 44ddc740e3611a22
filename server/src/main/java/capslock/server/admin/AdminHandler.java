package capslock.server.admin;

import capslock.server.CapslockServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;

/** {@code GET /health/live}, {@code /health/ready}, {@code /metrics}; other paths 404, other methods 405. */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final CapslockServer server;
    private final ServerMetrics metrics;

    AdminHandler(CapslockServer server, ServerMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        FullHttpResponse response;
        if (!path.equals("/health/live") && !path.equals("/health/ready") && !path.equals("/metrics")) {
            response = text(HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n");
        } else if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET\n");
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        } else if (path.equals("/health/live")) {
            response = text(HttpResponseStatus.OK, "live\n");
        } else if (path.equals("/health/ready")) {
            response = server.isReady() ? text(HttpResponseStatus.OK, "ready\n")
                    : text(HttpResponseStatus.SERVICE_UNAVAILABLE, "draining\n");
        } else {
            response = respond(HttpResponseStatus.OK, metrics.scrape(), PROMETHEUS_TEXT);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (request.method().equals(HttpMethod.HEAD)) {
            response.content().clear();
        }
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse text(HttpResponseStatus status, String body) {
        return respond(status, body, "text/plain; charset=utf-8");
    }

    private static FullHttpResponse respond(HttpResponseStatus status, String body, String contentType) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
