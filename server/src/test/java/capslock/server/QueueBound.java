package capslock.server;

/**
 * What the server may queue for one connection with backpressure on: the high water mark, plus the run of chunks
 * that crossed it (at most one chunk past it), plus Netty's 96-byte overhead for that run's outbound entry. 66,656 B
 * with the defaults; the tests hold every connection's peak to it.
 */
final class QueueBound {
    private QueueBound() {
    }

    static long of(ServerConfig config) {
        return config.waterMark().high() + config.chunkSize() + 96L;
    }
}
