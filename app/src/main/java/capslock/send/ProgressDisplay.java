package capslock.send;

import capslock.client.Snapshot;
import capslock.client.Transfer;
import capslock.common.Sizes;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a transfer while it runs, on stderr: a live bar on a terminal, one line per second otherwise,
 * nothing with {@code --quiet}. Runs on the calling thread, reading the transfer's volatile counters.
 */
final class ProgressDisplay {
    enum Style { BAR, LINES, NONE }

    private final Style style;
    private final PrintStream err;

    ProgressDisplay(Style style, PrintStream err) {
        this.style = style;
        this.err = err;
    }

    static Style styleFor(boolean quiet) {
        return quiet ? Style.NONE : System.console() != null ? Style.BAR : Style.LINES;
    }

    /** Follows {@code transfer} until it has finished. */
    void follow(Transfer transfer, long payloadBytes) throws InterruptedException {
        switch (style) {
            case NONE -> { }
            case LINES -> lines(transfer);
            case BAR -> bar(transfer, payloadBytes);
        }
    }

    private void lines(Transfer transfer) throws InterruptedException {
        while (!transfer.awaitEnd(1000)) {
            err.println(line(transfer.snapshot()));
        }
    }

    static String line(Snapshot s) {
        return String.format(Locale.ROOT, "%6.1fs  sent %s  received %s  queued %s (Netty %s)  %s",
                s.seconds(), Sizes.format(s.written()), Sizes.format(s.received()), Sizes.format(s.payloadQueued()),
                Sizes.format(s.nettyQueued()), s.writable() ? "writable" : "UNWRITABLE");
    }

    private void bar(Transfer transfer, long payloadBytes) throws InterruptedException {
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("send")
                .setInitialMax(payloadBytes > 0 ? payloadBytes : -1)
                .setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setUpdateIntervalMillis(100)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .showSpeed()
                .build()) {
            do {
                Snapshot s = transfer.snapshot();
                bar.stepTo(s.written());
                bar.setExtraMessage(String.format(Locale.ROOT, " recv %s · queued %s · %s", Sizes.format(s.received()),
                        Sizes.format(s.payloadQueued()), s.writable() ? "writable" : "UNWRITABLE"));
            } while (!transfer.awaitEnd(100));
            bar.stepTo(transfer.snapshot().written());
        }
    }
}
