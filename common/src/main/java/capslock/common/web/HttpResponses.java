package capslock.common.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The responses capslock's two small web servers give: text, JSON, files from the jar; sent honouring keep-alive and HEAD. */
public final class HttpResponses {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";
    private static final Map<String, byte[]> RESOURCES = new ConcurrentHashMap<>();
    private static final byte[] MISSING = new byte[0];

    private HttpResponses() {
    }

    public static FullHttpResponse text(HttpResponseStatus status, String body) {
        return of(status, body, TEXT);
    }

    public static FullHttpResponse json(HttpResponseStatus status, String body) {
        return of(status, body, JSON);
    }

    public static FullHttpResponse of(HttpResponseStatus status, String body, String contentType) {
        return of(status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8), contentType);
    }

    private static FullHttpResponse of(HttpResponseStatus status, ByteBuf content, String contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return response;
    }

    /**
     * The class-path resource {@code path} (read once, then kept: the page and its assets are small), or null when
     * there is none. The content type follows the file's extension.
     */
    public static FullHttpResponse resource(String path) {
        byte[] bytes = RESOURCES.computeIfAbsent(path, HttpResponses::read);
        if (bytes == MISSING) {
            return null;
        }
        return of(HttpResponseStatus.OK, Unpooled.wrappedBuffer(bytes), contentType(path));
    }

    private static byte[] read(String path) {
        try (InputStream in = HttpResponses.class.getResourceAsStream(path)) {
            return in == null ? MISSING : in.readAllBytes();
        } catch (IOException e) {
            return MISSING;
        }
    }

    static String contentType(String path) {
        if (path.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (path.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (path.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (path.endsWith(".png")) {
            return "image/png";
        }
        return "application/octet-stream";
    }

    /** Writes {@code response} as {@code request} asks: no body for HEAD, the connection closed unless kept alive. */
    public static void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
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
}
