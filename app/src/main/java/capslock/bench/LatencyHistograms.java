package capslock.bench;

import capslock.client.LatencySummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/** Byte-latency histograms (nanoseconds) as bench keeps, writes and merges them. */
final class LatencyHistograms {
    private LatencyHistograms() {
    }

    static Histogram empty() {
        return new Histogram(3);
    }

    /** HdrHistogram's compressed form, base64: how a row carries its histogram in JSON. */
    static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /** The histogram {@link #encode} wrote; an {@link IllegalArgumentException} for anything else. */
    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a latency histogram as bench writes it");
        }
    }

    /** The percentile distribution in HdrHistogram's text format ({@code .hgrm}), in milliseconds, as its plotter reads. */
    static void writeDistribution(Histogram histogram, Path file) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            histogram.outputPercentileDistribution(out, 1e6);
        }
    }

    static LatencySummary summary(Histogram histogram, long oldestUnansweredNanos) {
        return LatencySummary.of(histogram, oldestUnansweredNanos);
    }
}
