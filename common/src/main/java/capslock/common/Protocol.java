package capslock.common;

import java.nio.charset.StandardCharsets;

/** The book's protocol, as both ends know it: its port, its message, and the chunk its server reads at a time. */
public final class Protocol {
    /** The TCP port the book uses. */
    public static final int PORT = 1060;
    /** {@link #PORT} as picocli's default values take it. */
    public static final String PORT_TEXT = "1060";
    /** The book's server reads {@code recv(1024)}. */
    public static final int CHUNK_SIZE = 1024;
    /** {@link #CHUNK_SIZE} as picocli's default values take it. */
    public static final String CHUNK_SIZE_TEXT = "1024";
    /** The book's client sends this 16-byte message over and over. */
    public static final String MESSAGE_TEXT = "capitalize this!";

    private Protocol() {
    }

    /** {@link #MESSAGE_TEXT}'s bytes (a new array each time). */
    public static byte[] message() {
        return MESSAGE_TEXT.getBytes(StandardCharsets.US_ASCII);
    }
}
