package capslock.demo;

/**
 * The server's side of one connection at one sample: its outbound queue (Netty's count), whether it has paused
 * reading from this client, and how long it was paused during the interval before the sample.
 */
public record ServerSample(long queued, boolean paused, double pausedSeconds, long bytesIn, long bytesOut) {
}
