package capslock;

import capslock.common.Protocol;
import capslock.common.cli.Converters;
import picocli.CommandLine.Option;

/** {@code --host/--port} for commands that otherwise start their own server in-process (demo, bench). */
public final class ServerTarget {
    @Option(names = "--host", paramLabel = "HOST", description = "A running server to use (default: one started in-process).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", converter = Converters.Port.class,
            description = "Its port (default " + Protocol.PORT_TEXT + " when --host is given).")
    Integer port;

    /** True when the user named a server; false means "start one in-process". */
    public boolean external() {
        return host != null || port != null;
    }

    public String host() {
        return host != null ? host : "127.0.0.1";
    }

    public int port() {
        return port != null ? port : Protocol.PORT;
    }
}
