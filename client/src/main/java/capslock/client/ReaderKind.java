package capslock.client;

/** When the client reads the reply. */
public enum ReaderKind {
    /** Nothing until everything has been sent, like the book's client. */
    AFTER,
    /** While it writes. */
    CONCURRENT
}
