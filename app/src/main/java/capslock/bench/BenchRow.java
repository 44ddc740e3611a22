package capslock.bench;

import capslock.client.LatencySummary;
import capslock.client.Outcome;
import java.util.List;

/**
 * One measured row: payload bytes counted once, 1 MB = 10^6 bytes; TCP segments the host retransmitted meanwhile
 * and CPU seconds the hypervisor took from this VM's CPUs meanwhile (each null where unknown); byte latency over the
 * measured window (for round trips, each round trip's time), also as the whole HdrHistogram, compressed and
 * base64-encoded, so that rows from several machines can be merged; its progress lines, warm-up included.
 *
 * @param mode                     {@code throughput} (as fast as backpressure allows), {@code rate} (on a schedule,
 *                                 {@code --rate}) or {@code rtt} (closed-loop round trips, {@code --rtt})
 * @param perConnection            each connection's MB/s, lowest first
 * @param targetMegabytesPerSecond the {@code --rate} asked for, all connections together; null otherwise
 * @param roundTrips               with {@code --rtt}, how many round trips completed in the measured window
 * @param uncorrectedLatency       with {@code --rate}, latency from when each write went out rather than when it was
 *                                 due: what a tool that suffers coordinated omission reports
 */
public record BenchRow(String mode,
                       int connections,
                       long bytes,
                       double seconds,
                       double megabytesPerSecond,
                       double gigabitsPerSecond,
                       double minPerConnection,
                       double medianPerConnection,
                       double maxPerConnection,
                       List<Double> perConnection,
                       Double targetMegabytesPerSecond,
                       Long roundTrips,
                       Double roundTripsPerSecond,
                       double clientCpuSeconds,
                       Double serverCpuSeconds,
                       long gcCount,
                       long gcMillis,
                       long peakQueued,
                       Long tcpRetransmits,
                       Double stolenCpuSeconds,
                       boolean verified,
                       Outcome outcome,
                       LatencySummary latency,
                       LatencySummary uncorrectedLatency,
                       String histogram,
                       List<BenchInterval> intervals) {

    public static final String THROUGHPUT = "throughput";
    public static final String RATE = "rate";
    public static final String RTT = "rtt";

    /** Whether a {@code --rate} row sent what was asked, within 3 % (a scheduler's slack); true for other rows. */
    public boolean rateReached() {
        return targetMegabytesPerSecond == null || megabytesPerSecond >= 0.97 * targetMegabytesPerSecond;
    }
}
