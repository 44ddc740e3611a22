package capslock.bench;

/** One progress line of a row, like iperf3's intervals: seconds from the row's start, payload bytes received. */
public record BenchInterval(double from, double to, long bytes, double megabytesPerSecond, boolean warmup) {
}
