package capslock.demo;

import capslock.common.Sizes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** The demo's table, the one-or-two-sentence reasons under it, and the same as JSON. */
final class DemoReport {
    private static final String ROW = "%-2s %-42s %-12s %8s %9s %14s %14s %11s %15s";

    private DemoReport() {
    }

    static String table(List<ScenarioResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, ROW, "#", "scenario", "outcome", "elapsed", "MB/s", "peak queued",
                "peak queued", "writability", "bytes")).append('\n');
        text.append(String.format(Locale.ROOT, ROW, "", "", "", "", "", "(client)", "(server)", "changes", "verified"))
                .append('\n');
        for (ScenarioResult r : results) {
            var s = r.summary();
            text.append(String.format(Locale.ROOT, ROW, r.scenario().number(), r.scenario().label,
                    s.outcome().replace('_', ' '), String.format(Locale.ROOT, "%.1f s", s.seconds()),
                    String.format(Locale.ROOT, "%.1f", s.megabytesPerSecond()), Sizes.format(s.peakQueuedPayload()),
                    r.serverPeakQueued() == null ? "n/a" : Sizes.format(r.serverPeakQueued()),
                    Sizes.grouped(s.writabilityChanges()), Sizes.grouped(s.received()))).append('\n');
        }
        text.append('\n');
        for (ScenarioResult r : results) {
            text.append(wrap(r.scenario().number() + ". " + r.why(), 100)).append('\n');
        }
        return text.toString();
    }

    static String json(List<ScenarioResult> results, String chart) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode rows = root.putArray("scenarios");
        for (ScenarioResult r : results) {
            ObjectNode row = rows.addObject();
            row.put("number", r.scenario().number());
            row.put("scenario", r.scenario().label);
            row.set("summary", mapper.valueToTree(r.summary()));
            if (r.serverPeakQueued() != null) {
                row.put("serverPeakQueued", r.serverPeakQueued());
            } else {
                row.putNull("serverPeakQueued");
            }
            row.put("why", r.why());
        }
        root.put("chart", chart);
        return root.toString();
    }

    /** Word-wraps {@code text} at {@code width}, indenting continuation lines. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            if (out.length() - lineStart + word.length() + 1 > width && out.length() > lineStart) {
                out.append("\n   ");
                lineStart = out.length() - 3;
            } else if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}
