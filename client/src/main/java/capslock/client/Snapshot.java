package capslock.client;

/**
 * The counters of one transfer at one moment. {@code payloadQueued} is produced minus written;
 * {@code nettyQueued} is what Netty compares with the water marks (payload plus a per-write overhead).
 */
public record Snapshot(double seconds, long produced, long written, long payloadQueued, long nettyQueued, long received,
                boolean writable, boolean sendDone) {
}
