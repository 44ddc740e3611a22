package capslock.demo;

import capslock.client.LatencySummary;
import capslock.client.Outcome;
import capslock.client.ReaderKind;
import capslock.client.SendSummary;
import capslock.client.WriterKind;
import capslock.common.Sizes;
import java.util.List;
import java.util.Locale;

/**
 * One run's end: its summary, the server's peak queue for its connection (null if unknown), its samples, and why the
 * server's side is missing (null when it is not).
 *
 * @param scenario which of the five scenarios this was; null for a custom run
 */
public record RunResult(RunSpec spec, Scenario scenario, SendSummary summary, Long serverPeakQueued, List<Point> points,
                        String serverNote) {

    /** The title a table row or a chart panel gives it. */
    public String label() {
        return spec.label();
    }

    /** "p50 0.81 ms / p99 2.10 ms", or for a run that stopped, how long its oldest byte had waited. */
    String latencyCell() {
        LatencySummary latency = summary.latency();
        if (latency == null) {
            return "n/a";
        }
        if (latency.p50Ms() != null) {
            return LatencySummary.format(latency.p50Ms()) + " / " + LatencySummary.format(latency.p99Ms());
        }
        return latency.oldestUnansweredMs() != null ? "oldest " + LatencySummary.format(latency.oldestUnansweredMs()) : "none";
    }

    /**
     * Why it ended that way, in the chapter's terms: whose buffer filled, who waited on whom, and what it cost in
     * memory and in time. {@code all} are the runs shown with it, so that a run's latency can be set against the fix's.
     */
    String why(List<RunResult> all) {
        String client = bytes(summary.peakQueuedPayload());
        LatencySummary latency = summary.latency();
        Outcome outcome = summary.outcome();
        if (outcome == Outcome.COMPLETED) {
            String time = latency == null || latency.p50Ms() == null ? ""
                    : " Bytes waited " + LatencySummary.format(latency.p50Ms()) + " (median) and "
                            + LatencySummary.format(latency.p99Ms()) + " (p99) for their reply" + versusTheFix(all) + ".";
            if (scenario == Scenario.THE_FIX) {
                return "The client writes only while its channel is writable and reads as replies arrive: no buffer stays "
                        + "full, nobody waits on anybody, and at most " + client + " was ever queued." + time;
            }
            if (!spec.serverBackpressure()) {
                return "The server ignored writability and kept reading, so the deadlock never formed: it held up to "
                        + (serverPeakQueued == null ? "?" : bytes(serverPeakQueued)) + " of unread replies for this one "
                        + "client in its own memory (capped only by its --max-pending)." + time;
            }
            if (spec.writer() == WriterKind.NAIVE) {
                return "Reading while writing keeps the server's replies flowing, so nothing deadlocks; but the naive writer "
                        + "never waits for the socket, so up to " + client + " piled up in the client's memory, and every "
                        + "byte waited behind it." + time;
            }
            return "Completed: every byte came back uppercased." + time;
        }
        if (outcome == Outcome.STALLED) {
            String waited = latency != null && latency.oldestUnansweredMs() != null
                    ? " Its oldest unanswered byte had waited " + LatencySummary.format(latency.oldestUnansweredMs())
                            + " when the stall detector stopped it, and would have waited forever." : "";
            return (spec.reader() == ReaderKind.AFTER
                    ? "It sent before reading anything: the server's replies filled the client's receive buffer and the "
                            + "server's send buffer, the server stopped reading, the client's send buffer filled, and each "
                            + "waited for the other. "
                    : "Nothing moved on the wire. ")
                    + (spec.writer() == WriterKind.WATERMARK
                    ? "The water marks kept the client's queue at " + client + ": bounded memory does not prevent a deadlock."
                    : "The naive writer queued " + client + " meanwhile.") + waited;
        }
        if (outcome == Outcome.MEMORY_GUARD) {
            return "It sent before reading anything, so the server stopped reading and the socket stopped taking bytes; "
                    + "the naive writer kept producing regardless, and " + bytes(summary.peakQueuedNetty())
                    + " (Netty's count) had piled up in memory when the guard stopped it.";
        }
        return summary.explanation();
    }

    /** ", 12× the fix's p99", when the fix ran too and this is not it. */
    private String versusTheFix(List<RunResult> all) {
        if (scenario == Scenario.THE_FIX || summary.latency() == null || summary.latency().p99Ms() == null) {
            return "";
        }
        return all.stream().filter(r -> r.scenario == Scenario.THE_FIX).findFirst()
                .map(fix -> fix.summary.latency())
                .filter(fix -> fix != null && fix.p99Ms() != null && fix.p99Ms() > 0)
                .map(fix -> String.format(Locale.ROOT, ", %.0f× the fix's p99", summary.latency().p99Ms() / fix.p99Ms()))
                .orElse("");
    }

    static String bytes(long n) {
        return Sizes.format(n);
    }
}
