package capslock.client;

import org.HdrHistogram.Histogram;

/**
 * How long bytes wait between the application handing them to the channel and their uppercase coming back. The
 * server returns exactly one byte per byte, in order (ASCII mode), so a reply that reaches stream offset {@code k}
 * answers every byte up to {@code k}: no protocol change is needed. The writer marks the end of a write every
 * {@link #SPACING} bytes or more with the time it was handed over; when the reply reaches a mark, the difference goes
 * into an HdrHistogram, in nanoseconds. The first write is marked too, whatever its size, so a transfer shorter than
 * {@link #SPACING} still has its latency. That wait includes the client's own outbound buffer, both kernels' socket
 * buffers and the server.
 *
 * <p>With a send rate (open loop), each mark carries the time the write was <em>due</em> on the schedule, so a stall
 * that delays sending is charged to every byte it delayed (no coordinated omission); the time it actually went out is
 * kept too, for the uncorrected figures.
 *
 * <p>Confined to the transfer's event loop: marks are added by the writer, answered by the reply handler, and the
 * interval read by the monitor, all on that thread. The totals are read once the transfer has ended.
 */
public final class ByteLatency {
    /** Bytes between marks, at least: a mark costs two longs in a ring and, when answered, two histogram updates. */
    public static final int SPACING = 4096;

    private final Histogram total = newHistogram();
    private final Histogram uncorrected = newHistogram();
    private final Histogram interval = newHistogram();
    private long[] offsets = new long[1024];
    private long[] due = new long[1024];
    private long[] sent = new long[1024];
    private int head;
    private int size;
    private long nextMark = 1;

    static Histogram newHistogram() {
        return new Histogram(3); // auto-resizing, 3 significant digits, nanoseconds
    }

    /** The stream offset the next mark waits for: a write that ends there or beyond is marked. */
    long nextMark() {
        return nextMark;
    }

    /** The bytes up to stream offset {@code end} were handed to the channel at {@code sentNanos}, due at {@code dueNanos}. */
    void sent(long end, long dueNanos, long sentNanos) {
        if (end < nextMark) {
            return;
        }
        nextMark = (end / SPACING + 1) * SPACING;
        if (size == offsets.length) {
            grow();
        }
        int tail = (head + size) % offsets.length;
        offsets[tail] = end;
        due[tail] = dueNanos;
        sent[tail] = sentNanos;
        size++;
    }

    /** The reply has reached stream offset {@code received} at {@code nowNanos}: every mark up to it is answered. */
    void received(long received, long nowNanos) {
        while (size > 0 && offsets[head] <= received) {
            long corrected = Math.max(1, nowNanos - due[head]);
            total.recordValue(corrected);
            interval.recordValue(corrected);
            uncorrected.recordValue(Math.max(1, nowNanos - sent[head]));
            head = (head + 1) % offsets.length;
            size--;
        }
    }

    /** How long the oldest mark not yet answered has waited (from when it was due), or 0 when every mark is answered. */
    long oldestUnansweredNanos(long nowNanos) {
        return size == 0 ? 0 : Math.max(0, nowNanos - due[head]);
    }

    /** Forgets what was answered so far (a warm-up's); marks still waiting stay, to be answered in the measured window. */
    void reset() {
        total.reset();
        uncorrected.reset();
        interval.reset();
    }

    /**
     * The median and the longest wait answered since the last call (for a sample); then starts a new interval. Read
     * in place, without copying the histogram: every connection takes one every sample.
     */
    Interval takeInterval() {
        Interval taken = interval.getTotalCount() == 0 ? Interval.NONE
                : new Interval(interval.getTotalCount(), interval.getValueAtPercentile(50), interval.getMaxValue());
        interval.reset();
        return taken;
    }

    /** What one sample interval answered: how many marks, their median and longest wait in nanoseconds. */
    record Interval(long marks, long p50Nanos, long maxNanos) {
        static final Interval NONE = new Interval(0, 0, 0);
    }

    /** Every answered mark's wait, from when it was due (the figure to report). */
    public Histogram total() {
        return total;
    }

    /** Every answered mark's wait from when it actually went out: what a tool without the correction would report. */
    public Histogram uncorrected() {
        return uncorrected;
    }

    private void grow() {
        long[] o = new long[offsets.length * 2];
        long[] d = new long[o.length];
        long[] s = new long[o.length];
        for (int i = 0; i < size; i++) {
            int from = (head + i) % offsets.length;
            o[i] = offsets[from];
            d[i] = due[from];
            s[i] = sent[from];
        }
        offsets = o;
        due = d;
        sent = s;
        head = 0;
    }
}
