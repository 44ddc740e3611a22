package capslock.client;

import capslock.common.Durations;
import capslock.common.Sizes;
import java.time.Duration;
import java.util.Locale;

/** Explains, in plain words, why a transfer stopped: the counters, then who is waiting on whom. */
final class Diagnosis {
    /** The other cause of a quiet wire, and where to see it. */
    private static final String TCP_BACKOFF =
            "or TCP itself is backing off after losses (`ss -ti` on either host shows retransmissions and the backoff).";

    private final SendConfig config;

    Diagnosis(SendConfig config) {
        this.config = config;
    }

    /** The counters, one line each, as the diagnoses show them. */
    static String counters(Snapshot s) {
        return String.join("\n",
                "  produced            " + bytes(s.produced()),
                "  written to socket   " + bytes(s.written()),
                "  queued in client    " + bytes(s.payloadQueued()) + " of payload (Netty counts " + bytes(s.nettyQueued())
                        + " including its per-write overhead)",
                "  received            " + bytes(s.received()),
                "  channel writable    " + (s.writable() ? "yes" : "no"));
    }

    String stall(Snapshot s) {
        StringBuilder text = new StringBuilder("stalled: no byte moved in either direction for "
                + Durations.format(config.stallTimeout()) + ".\n").append(counters(s)).append("\nWho is waiting on whom:\n");
        if (config.reader() == ReaderKind.AFTER && !s.sendDone()) {
            text.append("""
                      - this client reads nothing until it has sent everything (--reader after), so the server's
                        replies fill this client's receive buffer and then the server's send buffer;
                      - the server has stopped reading because its output is not being read;
                      - so this client cannot send the rest: its socket send buffer is full too.
                    Each side waits for the other, forever: the book's TCP deadlock.
                    """);
            text.append(config.writer() == WriterKind.NAIVE
                    ? "The naive writer did not notice: it kept producing, and " + bytes(s.payloadQueued())
                            + " now wait in memory.\n"
                    : "The watermark writer stopped producing when the channel became unwritable, so the memory held "
                            + "stays at the high water mark.\n");
            text.append("Fix: read while writing (--reader concurrent, as --mode backpressure does).");
        } else if (s.sendDone()) {
            text.append("  - everything was sent and the output half-closed; this client is reading,\n"
                    + "  - but the server has neither sent more nor closed the connection.\n"
                    + "The server is stuck, very slow, or does not speak the protocol (reply, then close).");
        } else {
            text.append("  - this client is reading, and " + (s.writable() ? "would write more" : "has bytes waiting to go out")
                    + ",\n  - but the server neither takes more bytes nor sends any back;\n"
                    + "  - " + bytes(Math.max(0, s.written() - s.received())) + " written have not come back: they wait in"
                    + " the socket buffers between the two, or in the server.\n"
                    + "The server is stuck, very slow, or not reading; " + TCP_BACKOFF);
        }
        return text.toString();
    }

    /** The second rule: bytes went out and none came back for {@code waited}, while this client read. */
    String noReply(Snapshot s, Duration waited) {
        String time = String.format(Locale.ROOT, "%.1f s", waited.toNanos() / 1e9);
        return "stalled: no reply for " + time + ", while this client went on writing.\n"
                + counters(s) + "\nWho is waiting on whom:\n"
                + "  - this client is reading, and the connection still takes its bytes,\n"
                + "  - but " + bytes(Math.max(0, s.written() - s.received())) + " written have not come back, and nothing"
                + " has for " + time + ".\n"
                + "The server is stuck, very slow, or reads without answering (not a capslock server?); " + TCP_BACKOFF;
    }

    String memoryGuard(Snapshot s) {
        StringBuilder text = new StringBuilder("memory guard: this client's outbound buffer holds " + bytes(s.nettyQueued())
                + " (Netty's count), above --max-pending " + Sizes.format(config.maxPending()) + ".\n")
                .append(counters(s)).append("\nWho is waiting on whom:\n");
        if (config.reader() == ReaderKind.AFTER) {
            text.append("  - this client reads nothing until it has sent everything (--reader after);\n"
                    + "  - so the server stopped reading (its replies are not being read), and the socket stopped\n"
                    + "    taking bytes at " + bytes(s.written()) + ";\n");
        } else {
            text.append("  - the server takes bytes more slowly than this client produces them;\n");
        }
        text.append("  - the naive writer ignores writability: it kept producing, and what the socket did not take\n"
                + "    piled up in memory (" + bytes(s.payloadQueued()) + " of payload so far).\n"
                + "Ignoring writability would have exhausted memory.\n"
                + "Fix: stop writing while the channel is unwritable (--writer watermark, as --mode backpressure does).");
        return text.toString();
    }

    private static String bytes(long n) {
        return Sizes.grouped(n) + " B";
    }
}
