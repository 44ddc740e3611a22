package capslock.bench;

import capslock.client.Outcome;
import capslock.client.SendConfig;
import capslock.common.Errors;
import capslock.common.cli.CapslockException;
import capslock.common.cli.ExitCodes;
import capslock.common.net.TransportFactory;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * One {@code bench --rtt} row: N closed-loop connections, each a {@link RoundTripConnection}, on event loops shared
 * as the machine's cores allow (one loop per connection would put hundreds of threads between a reply and its
 * reader); the warm-up is left out; round trips per second and their percentiles for the measured window.
 */
final class RoundTripRunner {
    private final PrintStream out;
    private final BooleanSupplier interrupted;
    private int exitCode;

    RoundTripRunner(PrintStream out, BooleanSupplier interrupted) {
        this.out = out;
        this.interrupted = interrupted;
    }

    int exitCode() {
        return exitCode;
    }

    Optional<BenchRow> run(SendConfig client, int connections, Duration duration, Duration warmup, Duration interval)
            throws InterruptedException {
        TransportFactory transport = client.transport().resolve();
        EventLoopGroup group = BenchRunner.clientLoops(transport, connections, "capslock-rtt");
        List<RoundTripConnection> handlers = new ArrayList<>();
        List<io.netty.channel.Channel> channels = new ArrayList<>();
        try {
            Bootstrap bootstrap = client.transport().applyTo(new Bootstrap().group(group).channel(transport.socketChannel())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000));
            for (int i = 0; i < connections; i++) {
                RoundTripConnection handler = new RoundTripConnection(client.stallTimeout().toNanos());
                ChannelFuture connected = bootstrap.clone().handler(handler).connect(client.host(), client.port())
                        .awaitUninterruptibly();
                if (!connected.isSuccess()) {
                    throw new CapslockException(ExitCodes.FAILURE, "cannot connect to " + client.host() + ":" + client.port()
                            + ": " + Errors.describe(connected.cause()));
                }
                handlers.add(handler);
                channels.add(connected.channel());
            }
            // Every connection is open before the first message goes out, so that all of them loop for the whole row.
            long start = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                handlers.get(i).begin(channels.get(i));
            }
            long[] before = new long[connections];
            if (!warmup.isZero()) {
                progress(handlers, start, start + warmup.toNanos(), interval, true);
                for (int i = 0; i < connections; i++) {
                    before[i] = get(handlers.get(i).reset());
                }
            }
            long measuredFrom = warmup.isZero() ? start : System.nanoTime();
            double cpuBefore = CpuClock.processSeconds();
            long gcCount = CpuClock.gcCount();
            long gcMillis = CpuClock.gcMillis();
            double stolenBefore = StolenCpu.sofar();
            if (interrupted.getAsBoolean()) {
                handlers.forEach(RoundTripConnection::stop);
                awaitAll(handlers);
                return Optional.empty();
            }
            progress(handlers, start, measuredFrom + duration.toNanos(), interval, false);
            long measuredTo = System.nanoTime();
            Double stolen = StolenCpu.since(stolenBefore);
            handlers.forEach(RoundTripConnection::stop);
            awaitAll(handlers);
            return Optional.of(row(handlers, before, (measuredTo - measuredFrom) / 1e9, CpuClock.processSeconds() - cpuBefore,
                    CpuClock.gcCount() - gcCount, CpuClock.gcMillis() - gcMillis, stolen));
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
    }

    private BenchRow row(List<RoundTripConnection> handlers, long[] before, double seconds, double cpu, long gcCount,
                         long gcMillis, Double stolen) {
        Histogram latency = LatencyHistograms.empty();
        double[] perConnection = new double[handlers.size()];
        long total = 0;
        Outcome outcome = Outcome.COMPLETED;
        for (int i = 0; i < handlers.size(); i++) {
            RoundTripConnection h = handlers.get(i);
            latency.add(h.histogram());
            long n = h.roundTrips() - before[i];
            total += n;
            perConnection[i] = n * 16 / seconds / 1e6;
            Outcome o = h.result().getNow(Outcome.FAILED);
            if (o != Outcome.COMPLETED && outcome == Outcome.COMPLETED) {
                outcome = o;
                out.printf(Locale.ROOT, "  [%2d conn] a connection did not complete: %s%n", handlers.size(), h.problem());
                exitCode = exitCode != 0 ? exitCode : o.exitCode();
            }
        }
        Arrays.sort(perConnection);
        long bytes = total * 16;
        double mbps = bytes / seconds / 1e6;
        return new BenchRow(BenchRow.RTT, handlers.size(), bytes, seconds, mbps, mbps * 8 / 1000, perConnection[0],
                perConnection[perConnection.length / 2], perConnection[perConnection.length - 1],
                Arrays.stream(perConnection).boxed().toList(), null, total, total / seconds, cpu, null, gcCount, gcMillis, 0, null, stolen, outcome == Outcome.COMPLETED, outcome,
                LatencyHistograms.summary(latency, 0), null, LatencyHistograms.encode(latency), List.of());
    }

    /** Progress lines (round trips per second) until {@code until}, or until every connection ended or bench was interrupted. */
    private void progress(List<RoundTripConnection> handlers, long start, long until, Duration interval, boolean warmup)
            throws InterruptedException {
        long lastCount = count(handlers);
        long last = System.nanoTime();
        while (System.nanoTime() - until < 0 && !interrupted.getAsBoolean() && !handlers.stream().allMatch(h -> h.result().isDone())) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, Math.min(until - System.nanoTime(), Math.min(interval.toNanos(), 50_000_000L))));
            long now = System.nanoTime();
            if (now - last >= interval.toNanos()) {
                long count = count(handlers);
                out.printf(Locale.ROOT, "  [%2d conn] %6.1f-%-6.1f s  %,14d round trips/s%s%n", handlers.size(), (last - start) / 1e9,
                        (now - start) / 1e9, Math.round((count - lastCount) / ((now - last) / 1e9)),
                        warmup ? "  (warm-up, not counted)" : "");
                lastCount = count;
                last = now;
            }
        }
    }

    private static long count(List<RoundTripConnection> handlers) {
        return handlers.stream().mapToLong(RoundTripConnection::roundTrips).sum();
    }

    private static void awaitAll(List<RoundTripConnection> handlers) throws InterruptedException {
        for (RoundTripConnection h : handlers) {
            try {
                h.result().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // reported by the row: a connection that did not end cleanly counts as failed
            }
        }
    }

    private static long get(java.util.concurrent.CompletableFuture<Long> f) throws InterruptedException {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a connection's event loop did not answer", e);
        }
    }
}
