package capslock.client;

/** How the client decides when to write. */
public enum WriterKind {
    /** Writes as fast as it can produce data, never looking at writability (the book's client). */
    NAIVE,
    /** Writes only while the channel is writable; resumes on {@code channelWritabilityChanged}. */
    WATERMARK
}
