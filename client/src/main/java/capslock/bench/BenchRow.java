package capslock.bench;

import java.util.List;

/**
 * One measured configuration: payload bytes counted once, 1 MB = 10^6 bytes; TCP segments the host retransmitted
 * meanwhile (null where unknown); its progress lines, warm-up included.
 */
public record BenchRow(int connections,
                       long bytes,
                       double seconds,
                       double megabytesPerSecond,
                       double gigabitsPerSecond,
                       double minPerConnection,
                       double medianPerConnection,
                       double maxPerConnection,
                       double clientCpuSeconds,
                       Double serverCpuSeconds,
                       long gcCount,
                       long gcMillis,
                       long peakQueued,
                       Long tcpRetransmits,
                       boolean verified,
                       String outcome,
                       List<BenchInterval> intervals) {
}
