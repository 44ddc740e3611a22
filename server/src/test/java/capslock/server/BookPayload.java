package capslock.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The book's message repeated, and its uppercase, addressed by stream offset. */
final class BookPayload {
    static final byte[] MESSAGE = "capitalize this!".getBytes(StandardCharsets.US_ASCII);
    static final byte[] UPPER = "CAPITALIZE THIS!".getBytes(StandardCharsets.US_ASCII);

    private BookPayload() {
    }

    /** Fills {@code buf} (cleared) with up to {@code remaining} bytes of the payload starting at {@code offset}. */
    static ByteBuffer fill(ByteBuffer buf, long offset, long remaining) {
        buf.clear();
        int n = (int) Math.min(buf.capacity(), remaining);
        for (int i = 0; i < n; i++) {
            buf.put(MESSAGE[(int) ((offset + i) % MESSAGE.length)]);
        }
        return buf.flip();
    }

    /** The stream offset of the first byte in {@code data[0..n)} that is not the uppercase payload, or -1. */
    static long firstMismatch(byte[] data, int n, long offset) {
        for (int i = 0; i < n; i++) {
            if (data[i] != UPPER[(int) ((offset + i) % UPPER.length)]) {
                return offset + i;
            }
        }
        return -1;
    }
}
