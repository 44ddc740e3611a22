package capslock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import capslock.client.SendConfig;
import capslock.server.CapslockServer;
import capslock.server.ServerConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ending a row (its deadline, Ctrl-C): it ends then with what it measured, every byte of it verified. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BenchRunnerTest {
    private static final Duration LONG = Duration.ofMinutes(10);

    /** Turns true at the first progress line that counts bytes (its fourth argument): an interrupt mid-row. */
    private static PrintStream interruptingAtFirstLine(AtomicBoolean interrupted) {
        return new PrintStream(OutputStream.nullOutputStream()) {
            @Override
            public PrintStream printf(java.util.Locale l, String format, Object... args) {
                if (args.length > 3 && args[3] instanceof Long bytes && bytes > 0) {
                    interrupted.set(true);
                }
                return this;
            }
        };
    }

    /** One row against an in-process server, interrupted at its first progress line that counts bytes. */
    private static Optional<BenchRow> runInterrupted(int connections, long bytes, Duration duration, Duration warmup)
            throws InterruptedException {
        AtomicBoolean interrupted = new AtomicBoolean();
        try (CapslockServer server = CapslockServer.start(ServerConfig.loopback())) {
            BenchRunner runner = new BenchRunner(interruptingAtFirstLine(interrupted), interrupted::get);
            Optional<BenchRow> row = runner.run(new BenchRunner.Plan(SendConfig.loopback(server.port()).withWriteSize(64 * 1024),
                    connections, bytes, duration, warmup, Duration.ofMillis(100), true, true, 0, 0));
            assertThat(runner.exitCode()).isZero();
            return row;
        }
    }

    @Test
    void anInterruptedRowEndsThereAndReportsWhatItMeasured() throws Exception {
        Optional<BenchRow> row = runInterrupted(2, 0, LONG, Duration.ZERO);

        assertThat(row).isPresent();
        assertThat(row.get().outcome()).isEqualTo(capslock.client.Outcome.COMPLETED);
        assertThat(row.get().verified()).isTrue();
        assertThat(row.get().bytes()).isPositive();
        assertThat(row.get().seconds()).isLessThan(LONG.toSeconds());
    }

    /**
     * A writer waiting for a write due far beyond the row's end notices the end: here the second write would be due an
     * hour after the first, and the 1 s row ends on time with its first write answered and verified.
     */
    @Test
    void aPacedRowEndsAtItsDeadlineEvenWithItsNextWriteFarOff() throws Exception {
        int writeSize = 64 * 1024;
        try (CapslockServer server = CapslockServer.start(ServerConfig.loopback())) {
            BenchRunner runner = new BenchRunner(new PrintStream(OutputStream.nullOutputStream()), () -> false);
            Optional<BenchRow> row = runner.run(new BenchRunner.Plan(SendConfig.loopback(server.port()).withWriteSize(writeSize),
                    1, 0, Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(100), true, true, writeSize / 3600, 0));

            assertThat(runner.exitCode()).isZero();
            assertThat(row).isPresent();
            assertThat(row.get().outcome()).isEqualTo(capslock.client.Outcome.COMPLETED);
            assertThat(row.get().verified()).isTrue();
            assertThat(row.get().bytes()).isEqualTo(writeSize);
            assertThat(row.get().seconds()).as("the row ended at its deadline, not at the next write an hour on")
                    .isLessThan(30);
        }
    }

    /**
     * A slow reader leaves replies owed when the row stops sending, far more than it reads in the time allowed after
     * an interrupt (about 4 MB at 40 kB/s: some 100 s): the connection is closed then, and the row says it was cut.
     */
    @Test
    void anInterruptedRowWithASlowReaderDoesNotWaitForEveryReply() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        try (CapslockServer server = CapslockServer.start(ServerConfig.loopback())) {
            BenchRunner runner = new BenchRunner(interruptingAtFirstLine(interrupted), interrupted::get);
            long started = System.nanoTime();
            Optional<BenchRow> row = runner.run(new BenchRunner.Plan(SendConfig.loopback(server.port()).withWriteSize(64 * 1024),
                    1, 0, LONG, Duration.ZERO, Duration.ofSeconds(1), true, true, 4_000_000, 40_000));

            assertThat(row).isPresent();
            assertThat(row.get().outcome()).isEqualTo(capslock.client.Outcome.INTERRUPTED);
            assertThat(runner.exitCode()).isEqualTo(130);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("cut after the grace, not after every reply")
                    .isLessThan(Duration.ofSeconds(60));
        }
    }

    @Test
    void aRowInterruptedDuringItsWarmupIsNotReported() throws Exception {
        assertThat(runInterrupted(1, 1L << 40, null, LONG)).isEmpty();
    }
}
