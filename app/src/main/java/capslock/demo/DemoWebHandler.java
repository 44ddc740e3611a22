package capslock.demo;

import capslock.Json;
import capslock.common.web.HttpResponses;
import capslock.common.web.StaticFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The web view's routes: {@code GET /} (the page) and its {@code /assets/}; {@code GET /api/state} (what a tab needs on
 * opening); {@code GET /api/events} (Server-Sent Events: {@code state} first, then {@code run}, {@code points} ten
 * times a second, {@code result}); {@code POST /api/runs} (start a run: 202, or 409 while one goes, 400 for a bad
 * request); {@code POST /api/runs/stop} (stop the run in progress: 202, or 409 when none goes; its {@code result}
 * follows); {@code GET /api/runs.json} (the runs so far, as a download). Stateless: one instance serves every request.
 */
@Sharable
final class DemoWebHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final StaticFiles FILES = new StaticFiles(Map.of("/assets/demo.js", "/capslock/demo/demo.js"));
    private final DemoWeb web;

    DemoWebHandler(DemoWeb web) {
        this.web = web;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        boolean post = request.method().equals(HttpMethod.POST);
        boolean get = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
        FullHttpResponse response;
        if (path.equals("/api/runs")) {
            response = post ? startRun(request) : notAllowed("POST");
        } else if (path.equals("/api/runs/stop")) {
            response = !post ? notAllowed("POST") : web.stopCurrent()
                    ? HttpResponses.json(HttpResponseStatus.ACCEPTED, Json.write(Map.of("stopping", true)))
                    : error(HttpResponseStatus.CONFLICT, "no run is in progress");
        } else if (!get) {
            response = notAllowed("GET, HEAD");
        } else if (path.equals("/api/events")) {
            web.events().subscribe(ctx.channel(), "state", web.state());
            return;
        } else {
            response = switch (path) {
                case "/" -> HttpResponses.resource("/capslock/demo/index.html");
                case "/api/state" -> HttpResponses.json(HttpResponseStatus.OK, web.state());
                case "/api/runs.json" -> {
                    FullHttpResponse runs = HttpResponses.json(HttpResponseStatus.OK, Json.writePretty(web.runs()));
                    runs.headers().set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"capslock-runs.json\"");
                    yield runs;
                }
                default -> FILES.resource(path);
            };
            if (response == null) {
                response = HttpResponses.text(HttpResponseStatus.NOT_FOUND, "not found: " + path + "\n");
            }
        }
        HttpResponses.send(ctx, request, response);
    }

    private FullHttpResponse startRun(FullHttpRequest request) {
        RunSpec spec;
        try {
            JsonNode body = Json.mapper().readTree(request.content().toString(StandardCharsets.UTF_8));
            spec = RunRequest.parse(body, web.settings(), web.largestPayload());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return error(HttpResponseStatus.BAD_REQUEST, "the request is not JSON");
        } catch (IllegalArgumentException e) {
            return error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        OptionalInt id = web.start(spec);
        if (id.isEmpty()) {
            return error(HttpResponseStatus.CONFLICT, "a run is in progress; start another when it has ended");
        }
        return HttpResponses.json(HttpResponseStatus.ACCEPTED, Json.write(Map.of("id", id.getAsInt(), "label", spec.label())));
    }

    private static FullHttpResponse error(HttpResponseStatus status, String message) {
        return HttpResponses.json(status, Json.write(Map.of("error", message)));
    }

    private static FullHttpResponse notAllowed(String allow) {
        FullHttpResponse response = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "use " + allow + "\n");
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
