package capslock.client;

import capslock.common.cli.ExitCodes;
import java.util.Locale;

/** How a transfer ended, and the exit code that says so. */
public enum Outcome {
    /** Every byte came back uppercased, in order, and the server closed the connection. */
    COMPLETED(ExitCodes.OK),
    /** Nothing moved on the wire for the stall timeout. */
    STALLED(ExitCodes.STALLED),
    /** The client's outbound buffer passed the memory guard. */
    MEMORY_GUARD(ExitCodes.MEMORY_GUARD),
    /** The reply was not the payload uppercased, or was short. */
    VERIFY_FAILED(ExitCodes.VERIFY_FAILED),
    /** The connection failed, or the server closed it before the end of the payload. */
    FAILED(ExitCodes.FAILURE),
    /** Stopped by SIGINT (Ctrl-C) or SIGTERM before the end: what was measured until then is reported. */
    INTERRUPTED(ExitCodes.INTERRUPTED);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** {@code memory guard}, for tables and titles. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code memory_guard}, as JSON and CSV spell it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
