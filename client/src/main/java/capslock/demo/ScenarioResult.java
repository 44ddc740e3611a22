package capslock.demo;

import capslock.client.SendSummary;
import capslock.client.Snapshot;
import java.util.List;

/** One scenario's summary, the server's peak queue for its connection (null if unknown), and its samples. */
record ScenarioResult(Scenario scenario, SendSummary summary, Long serverPeakQueued, List<Snapshot> samples) {

    /** Why it ended that way, in the chapter's terms: whose buffer filled, who waited on whom. */
    String why() {
        String client = bytes(summary.peakQueuedPayload());
        return switch (summary.outcome()) {
            case "completed" -> switch (scenario) {
                case NAIVE_CONCURRENT -> "Reading while writing keeps the server's replies flowing, so nothing deadlocks; but "
                        + "the naive writer never waits for the socket, so up to " + client + " piled up in the client's memory.";
                case THE_FIX -> "The client writes only while its channel is writable and reads as replies arrive: "
                        + "no buffer stays full, nobody waits on anybody, and at most " + client + " was ever queued.";
                case SERVER_ABSORBS -> "The server ignored writability and kept reading, so the deadlock never formed: it "
                        + "held up to " + (serverPeakQueued == null ? "?" : bytes(serverPeakQueued)) + " of unread replies for "
                        + "this one client in its own memory (capped only by its --max-pending).";
                default -> "Completed: every byte came back uppercased.";
            };
            case "stalled" -> (scenario.reader == capslock.client.ReaderKind.AFTER
                    ? "It sent before reading anything: the server's replies filled the client's receive buffer and the "
                            + "server's send buffer, the server stopped reading, the client's send buffer filled, and each "
                            + "waited for the other. "
                    : "Nothing moved on the wire. ")
                    + (scenario.writer == capslock.client.WriterKind.WATERMARK
                    ? "The water marks kept the client's queue at " + client + ": bounded memory does not prevent a deadlock."
                    : "The naive writer queued " + client + " meanwhile.");
            case "memory_guard" -> "It sent before reading anything, so the server stopped reading and the socket stopped "
                    + "taking bytes; the naive writer kept producing regardless, and " + bytes(summary.peakQueuedNetty())
                    + " (Netty's count) had piled up in memory when the guard stopped it.";
            default -> summary.explanation();
        };
    }

    static String bytes(long n) {
        return capslock.common.Sizes.format(n);
    }
}
