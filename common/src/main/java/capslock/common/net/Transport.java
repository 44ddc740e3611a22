package capslock.common.net;

import java.util.Locale;

/** The I/O transports a user can ask for; {@code AUTO} means the best one this machine has. */
public enum Transport {
    AUTO, NIO, EPOLL, IO_URING;

    public static Transport parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Transport t : values()) {
            if (t.name().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a transport (auto, nio, epoll, io_uring)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
