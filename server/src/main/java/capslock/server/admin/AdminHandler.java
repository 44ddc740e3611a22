package capslock.server.admin;

import capslock.common.web.EventStream;
import capslock.common.web.HttpResponses;
import capslock.common.web.StaticFiles;
import capslock.server.CapslockServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * The admin endpoint's routes, all {@code GET} (or {@code HEAD}), none changing state:
 * {@code /health/live}, {@code /health/ready} (503 while draining), {@code /metrics} (Prometheus),
 * {@code /connections} (JSON; {@code ?limit=N}, {@code ?peer=HOST:PORT}), {@code /connections/stream} (the same,
 * pushed twice a second as Server-Sent Events), and {@code /} (a live page over them, its assets under
 * {@code /assets/}). Other paths 404, other methods 405. Stateless: one instance serves every request.
 */
@Sharable
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final List<String> PATHS = List.of("/", "/health/live", "/health/ready", "/metrics", "/connections",
            "/connections/stream");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StaticFiles FILES = new StaticFiles(java.util.Map.of("/assets/admin.js", "/capslock/admin/admin.js"));

    private final CapslockServer server;
    private final ServerMetrics metrics;
    private final EventStream stream;

    AdminHandler(CapslockServer server, ServerMetrics metrics, EventStream stream) {
        this.server = server;
        this.metrics = metrics;
        this.stream = stream;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        boolean asset = path.startsWith("/assets/");
        FullHttpResponse response;
        if (!PATHS.contains(path) && !asset) {
            response = HttpResponses.text(HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n");
        } else if (!request.method().equals(HttpMethod.GET) && !request.method().equals(HttpMethod.HEAD)) {
            response = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET\n");
            response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        } else if (path.equals("/connections/stream")) {
            stream.subscribe(ctx.channel(), "connections", connections(ConnectionsReport.DEFAULT_LIMIT, null));
            return;
        } else {
            response = route(path, uri.parameters());
        }
        HttpResponses.send(ctx, request, response);
    }

    private FullHttpResponse route(String path, Map<String, List<String>> query) {
        switch (path) {
            case "/health/live":
                return HttpResponses.text(HttpResponseStatus.OK, "live\n");
            case "/health/ready":
                return server.isReady() ? HttpResponses.text(HttpResponseStatus.OK, "ready\n")
                        : HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "draining\n");
            case "/metrics":
                return HttpResponses.of(HttpResponseStatus.OK, metrics.scrape(), PROMETHEUS_TEXT);
            case "/connections":
                return connections(query);
            case "/":
                return HttpResponses.resource("/capslock/admin/index.html");
            default:
                FullHttpResponse asset = FILES.resource(path);
                return asset != null ? asset : HttpResponses.text(HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n");
        }
    }

    private FullHttpResponse connections(Map<String, List<String>> query) {
        int limit = ConnectionsReport.DEFAULT_LIMIT;
        List<String> given = query.get("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given.get(0));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > ConnectionsReport.MAX_LIMIT) {
                return HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "limit must be a number from 1 to "
                        + ConnectionsReport.MAX_LIMIT + "\n");
            }
        }
        List<String> peer = query.get("peer");
        return HttpResponses.json(HttpResponseStatus.OK, connections(limit, peer == null ? null : peer.get(0)));
    }

    /** The report as one line of JSON. */
    String connections(int limit, String peer) {
        try {
            return JSON.writeValueAsString(ConnectionsReport.of(server.stats(), limit, peer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
