package capslock.client;

/**
 * The counters of one transfer at one moment, and what happened in the interval before it (the monitor samples every
 * {@value TransferMonitor#SAMPLE_MILLIS} ms). {@code payloadQueued} is produced minus written; {@code nettyQueued} is
 * what Netty compares with the water marks (payload plus a per-write overhead).
 *
 * @param peakQueued          the most payload queued in the client during the interval (it can rise and fall between samples)
 * @param unwritableSeconds   how long the channel was unwritable during the interval
 * @param writabilityChanges  how many times the channel flipped between writable and unwritable during the interval
 * @param latencyP50Ms        median byte latency of the marks answered during the interval; NaN when none was (or not measured)
 * @param latencyMaxMs        the longest of them; NaN when none
 * @param oldestUnansweredMs  how long the oldest byte not yet answered has waited; 0 when none waits
 */
public record Snapshot(double seconds, long produced, long written, long payloadQueued, long nettyQueued, long received,
                       boolean writable, boolean sendDone, long peakQueued, double unwritableSeconds,
                       int writabilityChanges, double latencyP50Ms, double latencyMaxMs, double oldestUnansweredMs) {

    /** Nothing sent yet, writable: what a chart plots before the first sample. */
    public static Snapshot start() {
        return new Snapshot(0, 0, 0, 0, 0, 0, true, false, 0, 0, 0, Double.NaN, Double.NaN, 0);
    }
}
