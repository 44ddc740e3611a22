package capslock.bench;

import capslock.client.BookPayload;
import capslock.client.Outcome;
import capslock.client.SendClient;
import capslock.client.SendConfig;
import capslock.client.SendSummary;
import capslock.client.Snapshot;
import capslock.common.Rates;
import capslock.common.net.TransportConfig;
import capslock.common.net.TransportFactory;
import io.netty.channel.EventLoopGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * Runs one row: N connections at once, each its own {@link SendClient}, every byte verified. The connections share
 * {@linkplain #clientLoops as many event loops as there are CPUs}, as wrk's connections share its threads, so that the
 * load client does not take more of the machine than the server it measures. The warm-up is excluded from the figures
 * (like iperf3's {@code -O}); progress lines every interval (like {@code -i}).
 */
final class BenchRunner {
    /** What a row measures; {@code duration} null means "send {@code bytes} per connection". */
    record Plan(SendConfig client, int connections, long bytes, Duration duration, Duration warmup, Duration interval,
                boolean serverEmbedded, boolean verify, long rate, long readRate) {
    }

    /** How long replies still owed may take to come in after an interrupt before their connections are closed. */
    static final Duration REPLY_GRACE = Duration.ofSeconds(2);

    private final PrintStream out;
    /** True once the user asked bench to stop (Ctrl-C): the row in progress ends there, like iperf3's. */
    private final BooleanSupplier interrupted;
    /** The exit code of the first connection that did not complete, in any row so far; 0 while all did. */
    private int exitCode;

    BenchRunner(PrintStream out, BooleanSupplier interrupted) {
        this.out = out;
        this.interrupted = interrupted;
    }

    /**
     * The event loops a row's {@code connections} share: one per CPU ({@link TransportConfig#loopsPerCpu}), fewer for
     * fewer connections (one each then).
     * The caller shuts them down after the row.
     */
    static EventLoopGroup clientLoops(TransportFactory transport, int connections, String name) {
        return transport.newGroup(Math.min(connections, TransportConfig.loopsPerCpu()), name);
    }

    /** The row, or empty if bench was interrupted before its warm-up ended (nothing was measured). */
    Optional<BenchRow> run(Plan plan) throws InterruptedException {
        EventLoopGroup loops = clientLoops(plan.client().transport().resolve(), plan.connections(), "capslock-send");
        try {
            return run(plan, loops);
        } finally {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private Optional<BenchRow> run(Plan plan, EventLoopGroup loops) throws InterruptedException {
        boolean timed = plan.duration() != null;
        long launched = System.nanoTime();
        List<BenchPayload> payloads = new ArrayList<>();
        List<SendClient> clients = new ArrayList<>();
        // A --rate is the row's total, spread evenly over its connections.
        SendConfig config = plan.rate() > 0 ? plan.client().withSendRate(Math.max(1, plan.rate() / plan.connections())) : plan.client();
        if (plan.readRate() > 0) {
            config = config.withReadRate(Math.max(1, plan.readRate() / plan.connections()));
        }
        for (int i = 0; i < plan.connections(); i++) {
            BenchPayload payload = new BenchPayload(interrupted);
            if (!timed && plan.warmup().isZero()) {
                payload.limitTo(BookPayload.roundUp(plan.bytes()));
            }
            payloads.add(payload);
            clients.add(SendClient.start(config, payload, null, s -> { }, plan.verify(), loops));
        }
        // A timed row's clock starts once every connection is open (hundreds take a while), so that all of them send
        // for the whole duration; a --bytes row counts every byte from the first.
        long start = timed ? System.nanoTime() : launched;
        long warmupEnd = start + plan.warmup().toNanos();
        long deadline = timed ? warmupEnd + plan.duration().toNanos() : Long.MAX_VALUE;
        if (timed) {
            payloads.forEach(payload -> payload.endAt(deadline));
        }
        List<BenchInterval> intervals = new ArrayList<>();
        long[] atWarmupEnd = !plan.warmup().isZero() ? waitAndCount(clients, warmupEnd, start, warmupEnd, plan.interval(), intervals)
                : timed ? received(clients) : new long[clients.size()];
        if (!timed && !plan.warmup().isZero()) {
            // --bytes after a warm-up: each connection sends that much more from its end. The row counts what comes
            // back in the measured window, so also what was in flight when the warm-up ended (sockets' worth).
            for (int i = 0; i < payloads.size(); i++) {
                payloads.get(i).limitTo(clients.get(i).transfer().snapshot().produced() + BookPayload.roundUp(plan.bytes()));
            }
        }
        long measuredFrom = plan.warmup().isZero() ? start : System.nanoTime();
        if (!plan.warmup().isZero()) {
            clients.forEach(SendClient::resetLatency); // latency over the measured window only, like the bytes
        }
        if (interrupted.getAsBoolean()) {
            awaitReplies(clients, plan.interval()); // the payloads have stopped: each connection ends once its replies are in
            for (SendClient client : clients) {
                client.await();
            }
            return Optional.empty();
        }
        // CPU and GC over the measured window only, like the bytes.
        double cpuBefore = CpuClock.processSeconds();
        double serverCpuBefore = CpuClock.seconds("capslock-io");
        long gcCountBefore = CpuClock.gcCount();
        long gcMillisBefore = CpuClock.gcMillis();
        long retransmitsBefore = TcpRetransmits.sofar();
        double stolenBefore = StolenCpu.sofar();
        long[] atEnd;
        long measuredTo;
        if (timed) {
            atEnd = waitAndCount(clients, deadline, start, warmupEnd, plan.interval(), intervals);
            measuredTo = System.nanoTime();
        } else {
            waitAndCount(clients, Long.MAX_VALUE, start, warmupEnd, plan.interval(), intervals);
            atEnd = null;
            measuredTo = 0; // once every connection has ended, below
        }
        awaitReplies(clients, plan.interval());
        List<SendSummary> summaries = new ArrayList<>();
        for (SendClient client : clients) {
            summaries.add(client.await());
        }
        if (atEnd == null) {
            atEnd = summaries.stream().mapToLong(SendSummary::received).toArray();
            // When the last connection ended, not when this thread's polling noticed it (up to 50 ms later).
            measuredTo = clients.stream().mapToLong(c -> c.transfer().endNanos()).max().orElse(0);
            measuredTo = measuredTo - measuredFrom > 0 ? measuredTo : System.nanoTime();
        }
        long retransmitsAfter = TcpRetransmits.sofar();
        Double stolen = StolenCpu.since(stolenBefore);
        double seconds = (measuredTo - measuredFrom) / 1e9;
        double[] perConnection = new double[clients.size()];
        long bytes = 0;
        for (int i = 0; i < clients.size(); i++) {
            long n = atEnd[i] - atWarmupEnd[i];
            bytes += n;
            // A --bytes row ends with its slowest connection; each one's rate is over its own time to finish.
            long end = clients.get(i).transfer().endNanos();
            double own = !timed && end - measuredFrom > 0 ? (end - measuredFrom) / 1e9 : seconds;
            perConnection[i] = n / own / 1e6;
        }
        Arrays.sort(perConnection);
        double serverCpu = CpuClock.seconds("capslock-io") - serverCpuBefore;
        double clientCpu = CpuClock.processSeconds() - cpuBefore - (plan.serverEmbedded() ? serverCpu : 0);
        Outcome outcome = summaries.stream().map(SendSummary::outcome).filter(o -> o != Outcome.COMPLETED).findFirst()
                .orElse(Outcome.COMPLETED);
        summaries.stream().filter(s -> s.exitCode() != 0).findFirst().ifPresent(failed -> {
            out.printf(Locale.ROOT, "  [%2d conn] a connection did not complete: %s%n", clients.size(), failed.explanation());
            exitCode = exitCode != 0 ? exitCode : failed.exitCode();
        });
        Histogram latency = LatencyHistograms.empty();
        Histogram uncorrected = LatencyHistograms.empty();
        for (SendClient client : clients) {
            if (client.latencyHistogram(false) != null) {
                latency.add(client.latencyHistogram(false));
                uncorrected.add(client.latencyHistogram(true));
            }
        }
        long oldest = outcome == Outcome.COMPLETED ? 0 : summaries.stream().map(SendSummary::latency)
                .filter(l -> l != null && l.oldestUnansweredMs() != null)
                .mapToLong(l -> (long) (l.oldestUnansweredMs() * 1e6)).max().orElse(0);
        double mbps = bytes / seconds / 1e6;
        Double target = plan.rate() > 0 ? plan.rate() / 1e6 : null;
        BenchRow row = new BenchRow(plan.rate() > 0 ? BenchRow.RATE : BenchRow.THROUGHPUT, plan.connections(), bytes, seconds,
                mbps, mbps * 8 / 1000, perConnection[0], perConnection[perConnection.length / 2],
                perConnection[perConnection.length - 1], Arrays.stream(perConnection).boxed().toList(), target, null, null,
                clientCpu, plan.serverEmbedded() ? serverCpu : null, CpuClock.gcCount() - gcCountBefore,
                CpuClock.gcMillis() - gcMillisBefore, summaries.stream().mapToLong(SendSummary::peakQueuedPayload).max().orElse(0),
                retransmitsBefore < 0 || retransmitsAfter < 0 ? null : retransmitsAfter - retransmitsBefore,
                stolen,
                plan.verify() && outcome == Outcome.COMPLETED, outcome,
                LatencyHistograms.summary(outcome == Outcome.COMPLETED ? latency : LatencyHistograms.empty(), oldest),
                target != null && outcome == Outcome.COMPLETED ? LatencyHistograms.summary(uncorrected, 0) : null,
                LatencyHistograms.encode(latency), List.copyOf(intervals));
        if (!row.rateReached()) {
            out.printf(Locale.ROOT, "  [%2d conn] the target rate was not reached: %.1f MB/s of %.1f MB/s%s%n", clients.size(),
                    mbps, target, plan.readRate() > 0 && plan.readRate() < plan.rate()
                            ? " (replies are read at most " + Rates.format(plan.readRate()) + ": flow control held the writers to that)"
                            : "");
        }
        return Optional.of(row);
    }

    /** send's exit code for how the first failed connection ended (3 stalled, 4 memory guard, 5 mismatch), or 0. */
    int exitCode() {
        return exitCode;
    }

    /**
     * Prints interval lines, and adds them to {@code intervals}, until {@code until} (or until every transfer
     * has ended); returns each connection's bytes received.
     */
    private long[] waitAndCount(List<SendClient> clients, long until, long start, long warmupEnd, Duration interval,
                                List<BenchInterval> intervals) throws InterruptedException {
        long nextLine = start + interval.toNanos() * (1 + (System.nanoTime() - start) / interval.toNanos());
        long lastBytes = total(clients);
        long lastLine = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            // Ended, however: a connection that failed verification or stalled never finishes sending.
            boolean allDone = clients.stream().allMatch(BenchRunner::isEnded);
            if (now - until >= 0 || allDone || interrupted.getAsBoolean()) {
                break;
            }
            long wake = Math.min(until, nextLine);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, Math.min(wake - now, 50_000_000L))); // pacing the report, not synchronising
            now = System.nanoTime();
            if (now - nextLine >= 0) {
                long bytes = total(clients);
                BenchInterval line = new BenchInterval((lastLine - start) / 1e9, (now - start) / 1e9, bytes - lastBytes,
                        (bytes - lastBytes) / ((now - lastLine) / 1e9) / 1e6, lastLine - warmupEnd < 0);
                intervals.add(line);
                out.printf(Locale.ROOT, "  [%2d conn] %6.1f-%-6.1f s  %,14d B  %9.1f MB/s%s%n", clients.size(), line.from(),
                        line.to(), line.bytes(), line.megabytesPerSecond(), line.warmup() ? "  (warm-up, not counted)" : "");
                lastBytes = bytes;
                lastLine = now;
                nextLine += interval.toNanos();
            }
        }
        return received(clients);
    }

    /**
     * Once a row has stopped sending, every connection half-closes and reads the replies still owed, all of them
     * verified, which with a slow reader ({@code --read-rate}) can take longer than the row did: a line every interval
     * says so. After an interrupt the replies get {@link #REPLY_GRACE} more; then the connections still reading are
     * closed, and their rows end as interrupted.
     */
    private void awaitReplies(List<SendClient> clients, Duration interval) throws InterruptedException {
        long nextLine = System.nanoTime() + interval.toNanos();
        long cutAt = 0;
        while (!clients.stream().allMatch(BenchRunner::isEnded)) {
            TimeUnit.MILLISECONDS.sleep(50); // pacing the report, not synchronising
            if (interrupted.getAsBoolean()) {
                long now = System.nanoTime();
                if (cutAt == 0) {
                    cutAt = now + REPLY_GRACE.toNanos();
                } else if (cutAt != Long.MIN_VALUE && now - cutAt >= 0) {
                    clients.forEach(c -> c.interrupt("a signal"));
                    cutAt = Long.MIN_VALUE; // once: the connections are closing
                }
            }
            if (System.nanoTime() - nextLine >= 0) {
                long owed = clients.stream().mapToLong(c -> {
                    Snapshot s = c.transfer().snapshot();
                    return Math.max(0, s.written() - s.received());
                }).sum();
                out.printf(Locale.ROOT, "  [%2d conn] row over: %,d B of replies still to come, every one verified%n",
                        clients.size(), owed);
                nextLine += interval.toNanos();
            }
        }
    }

    private static long[] received(List<SendClient> clients) {
        return clients.stream().mapToLong(c -> c.transfer().snapshot().received()).toArray();
    }

    private static boolean isEnded(SendClient client) {
        try {
            return client.transfer().awaitEnd(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static long total(List<SendClient> clients) {
        return clients.stream().mapToLong(c -> c.transfer().snapshot().received()).sum();
    }
}
