package capslock.demo;

import capslock.common.WaterMark;
import capslock.common.net.TransportConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What shapes every run of a demo. {@code host} null means "start the servers in-process"; otherwise the runs with
 * server backpressure go to {@code host:port}, and the server's side is read from its admin endpoint on
 * {@code adminPort} (0: not at all).
 */
public record DemoSettings(String host, int port, int adminPort, long bytes, int writeSize, Duration stallTimeout,
                           long maxPending, TransportConfig transport, Path timelineDir) {

    public DemoSettings {
        if (stallTimeout == null || stallTimeout.isZero() || stallTimeout.isNegative()) {
            throw new IllegalArgumentException("--stall-timeout must be positive");
        }
        if (bytes < 1 || writeSize < 1 || maxPending < 1) {
            throw new IllegalArgumentException("--bytes, --write-size and --max-pending must be at least 1 byte");
        }
    }

    public WaterMark waterMark() {
        return transport.waterMark();
    }

    public boolean external() {
        return host != null;
    }
}
