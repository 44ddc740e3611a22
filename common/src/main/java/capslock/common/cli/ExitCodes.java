package capslock.common.cli;

/** The exit codes every capslock command uses; README documents them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Anything else: connection refused, port in use, I/O error. */
    public static final int FAILURE = 1;
    /** Bad options or environment values. */
    public static final int USAGE = 2;
    /** No byte moved for the stall timeout: a TCP deadlock. */
    public static final int STALLED = 3;
    /** The outbound queue passed --max-pending: ignoring writability would have exhausted memory. */
    public static final int MEMORY_GUARD = 4;
    /** The reply was not the uppercase of what was sent. */
    public static final int VERIFY_FAILED = 5;
    /** bench stopped by SIGINT (Ctrl-C) or SIGTERM: what was measured is reported; 128 + SIGINT, as shells count. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
