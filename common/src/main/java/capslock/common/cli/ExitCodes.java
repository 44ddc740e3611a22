package capslock.common.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes every capslock command uses, and what each means for each command: every {@code --help} lists them from here. */
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
    /** Stopped by SIGINT (Ctrl-C) or SIGTERM, what was measured reported: 128 + SIGINT, as shells count. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    /** The codes {@code command} can exit with, and what each means there, for its {@code --help}. */
    public static Map<String, String> help(String command) {
        Map<String, String> codes = new LinkedHashMap<>();
        switch (command) {
            case "server" -> {
                codes.put("0", "Stopped by SIGTERM or Ctrl-C, after draining.");
                codes.put("1", "Could not listen (port in use, address not available).");
                codes.put("2", "A bad option or environment value.");
            }
            case "send" -> {
                codes.put("0", "Completed: every byte came back uppercased, in order.");
                codes.put("1", "Failed: connection refused or reset, the server closed early, an I/O error.");
                codes.put("2", "A bad option or environment value, or a missing --input file.");
                codes.put("3", "Stalled: nothing moved, or no reply came back, for --stall-timeout (the diagnosis says why).");
                codes.put("4", "Memory guard: the outbound buffer passed --max-pending.");
                codes.put("5", "The reply did not match (its first difference is printed) or was short.");
                codes.put("130", "Interrupted (Ctrl-C, SIGTERM): what was sent, answered and measured until then is reported.");
            }
            case "demo" -> {
                codes.put("0", "Every scenario ran (stalls and the memory guard are what it shows).");
                codes.put("1", "A scenario's connection failed.");
                codes.put("2", "A bad option or environment value.");
                codes.put("5", "A scenario's replies did not match: the server does not uppercase.");
                codes.put("130", "Interrupted (Ctrl-C, SIGTERM): the scenarios run until then are shown, the last one cut short.");
            }
            case "bench" -> {
                codes.put("0", "Every row completed, every byte verified.");
                codes.put("1", "A connection failed.");
                codes.put("2", "A bad option or environment value.");
                codes.put("3", "A row stalled.");
                codes.put("4", "A row's client passed its memory guard.");
                codes.put("5", "A row's replies did not match.");
                codes.put("130", "Interrupted (Ctrl-C, SIGTERM): the rows measured until then are reported.");
            }
            default -> {
                codes.put("0", "Success (--help, --version).");
                codes.put("2", "No command, or an unknown one.");
            }
        }
        return codes;
    }
}
