package capslock.demo;

import capslock.client.ReaderKind;
import capslock.client.WriterKind;
import capslock.common.WaterMark;

/**
 * One run of the demo: which client (writer, reader, water marks, write size, how fast it reads), how much it sends,
 * and whether the server it talks to has backpressure. The five scenarios are five of these; the web view's form
 * makes any other.
 *
 * @param readRate bytes per second the client reads at most (a slow consumer); 0: as fast as replies come
 */
public record RunSpec(String label, WriterKind writer, ReaderKind reader, WaterMark waterMark, long bytes, int writeSize,
                      boolean serverBackpressure, long readRate) {

    public RunSpec {
        if (label == null || writer == null || reader == null || waterMark == null) {
            throw new IllegalArgumentException("a label, a writer, a reader and water marks are required");
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("the payload must be at least 1 byte");
        }
        if (writeSize < 1) {
            throw new IllegalArgumentException("the write size must be at least 1 byte");
        }
        if (readRate < 0) {
            throw new IllegalArgumentException("the read rate must not be negative (0: no limit)");
        }
    }
}
