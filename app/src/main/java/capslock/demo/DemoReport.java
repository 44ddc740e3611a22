package capslock.demo;

import capslock.Json;
import capslock.common.Sizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The demo's table, the reasons under it, and the same as JSON. */
final class DemoReport {
    private static final String ROW = "%-2s %-42s %-12s %8s %7s %11s %11s %11s %21s %14s";

    private DemoReport() {
    }

    static String table(List<RunResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, ROW, "#", "scenario", "outcome", "elapsed", "MB/s", "peak queued",
                "peak queued", "writability", "byte latency", "bytes")).append('\n');
        text.append(String.format(Locale.ROOT, ROW, "", "", "", "", "", "(client)", "(server)", "changes", "p50 / p99",
                "verified")).append('\n');
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            var s = r.summary();
            text.append(String.format(Locale.ROOT, ROW, r.scenario() != null ? r.scenario().number() : i + 1, r.label(),
                    s.outcome().label(), String.format(Locale.ROOT, "%.1f s", s.seconds()),
                    String.format(Locale.ROOT, "%.1f", s.megabytesPerSecond()), Sizes.format(s.peakQueuedPayload()),
                    r.serverPeakQueued() == null ? "n/a" : Sizes.format(r.serverPeakQueued()),
                    Sizes.grouped(s.writabilityChanges()), r.latencyCell(), Sizes.grouped(s.received()))).append('\n');
        }
        text.append('\n');
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            text.append(wrap((r.scenario() != null ? r.scenario().number() : i + 1) + ". " + r.why(results), 100)).append('\n');
        }
        results.stream().map(RunResult::serverNote).filter(n -> n != null).distinct()
                .forEach(note -> text.append('\n').append(wrap("Note: " + note + ".", 100)).append('\n'));
        return text.toString();
    }

    /** One run as the JSON the web view and {@code --json} give: its spec, summary, server peak and the reason. */
    static Map<String, Object> row(RunResult r, List<RunResult> all) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", r.scenario() != null ? r.scenario().number() : null);
        row.put("scenario", r.label());
        row.put("spec", r.spec());
        row.put("summary", r.summary());
        row.put("serverPeakQueued", r.serverPeakQueued());
        row.put("why", r.why(all));
        row.put("serverNote", r.serverNote());
        return row;
    }

    static String json(List<RunResult> results, String chart) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(row(r, results));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenarios", rows);
        root.put("chart", chart);
        return Json.write(root);
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
