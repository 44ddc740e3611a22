package capslock.common.web;

import io.netty.handler.codec.http.FullHttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The files a capslock page loads, served from the jar under {@code /assets/} (no CDN: the pages work without
 * internet): the pinned uPlot chart library from its WebJar, the pages' shared style sheet, and a page's own files.
 */
public final class StaticFiles {
    /** The pinned uPlot WebJar's files. */
    public static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private final Map<String, String> files = new HashMap<>();

    /** {@code pageFiles}: {@code /assets/...} paths and the class-path resources they serve. */
    public StaticFiles(Map<String, String> pageFiles) {
        files.put("/assets/uPlot.iife.min.js", UPLOT + "uPlot.iife.min.js");
        files.put("/assets/uPlot.min.css", UPLOT + "uPlot.min.css");
        files.put("/assets/capslock.css", "/capslock/web/capslock.css");
        files.putAll(pageFiles);
    }

    /** The file at {@code path}, or null if there is none. */
    public FullHttpResponse resource(String path) {
        String file = files.get(path);
        return file == null ? null : HttpResponses.resource(file);
    }
}
